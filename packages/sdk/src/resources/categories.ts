import { Category, CategoryListResponse, Id } from '../schemas/index.js';
import { check, signalOf, type CallOptions, type Transport } from '../transport.js';

export function categoriesResource({ call }: Transport) {
  return {
    /** The kinds of problem a resident can report, each with its extra questions. */
    async list(opts: CallOptions = {}): Promise<Category[]> {
      return (await call(CategoryListResponse, 'v1/categories', signalOf(opts))).categories;
    },
    /** One category with its extra questions; an unknown id is an `ApiError` with status 404. */
    async get(id: string, opts: CallOptions = {}): Promise<Category> {
      check(Id, id, 'request');
      return call(Category, `v1/categories/${encodeURIComponent(id)}`, signalOf(opts));
    },
  };
}
