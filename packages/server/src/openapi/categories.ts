import { CategoryQuestion, QuestionChoice } from '@doorstep/sdk';
import { acceptLanguage, errors, json, ref, type OpenApiSection } from './helpers.js';

/** One category with its extra questions (the list, `/v1/categories`, is in the core document). */
export const categoriesSection: OpenApiSection = {
  paths: {
    '/v1/categories/{id}': {
      get: {
        operationId: 'getCategory',
        summary: 'One kind of problem with its extra questions (Open311 service definition attributes)',
        parameters: [
          { name: 'id', in: 'path', required: true, description: 'e.g. water-leak', schema: { type: 'string' } },
          acceptLanguage,
        ],
        responses: { '200': { description: 'The category', ...json(ref('Category')) }, ...errors(404, 500) },
      },
    },
  },
  output: { CategoryQuestion, QuestionChoice },
};
