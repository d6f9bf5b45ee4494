import { Id, type Category, type CategoryListResponse } from '@doorstep/sdk';
import { Hono } from 'hono';
import type * as z from 'zod/mini';
import { findCategoryWithQuestions, listCategoriesWithQuestions } from '../db/categories.js';
import type { Database } from '../db/database.js';
import { notFound } from '../errors.js';

/**
 * `GET /v1/categories`: the kinds of problem a resident can report, names in every locale, each with
 * its extra questions — a form needs them the moment a category is picked, and all of them together
 * are a few kilobytes, so the list carries them rather than costing a round trip per category.
 * `GET /v1/categories/{id}`: one category with its questions.
 */
export function categoryRoutes(db: Database): Hono {
  return new Hono()
    .get('/v1/categories', async (c) =>
      c.json({ categories: await listCategoriesWithQuestions(db) } satisfies z.output<typeof CategoryListResponse>),
    )
    .get('/v1/categories/:id', async (c) => {
      const id = c.req.param('id');
      const category = Id.safeParse(id).success ? await findCategoryWithQuestions(db, id) : undefined;
      if (!category) throw notFound('category_not_found');
      return c.json(category satisfies Category);
    });
}
