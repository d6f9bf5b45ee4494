import { CategoryListResponse, type Category } from '../schemas/index.js';
import { signalOf, type CallOptions, type Transport } from '../transport.js';

export function categoriesResource({ call }: Transport) {
  return {
    /** The kinds of problem a resident can report. */
    async list(opts: CallOptions = {}): Promise<Category[]> {
      return (await call(CategoryListResponse, 'v1/categories', signalOf(opts))).categories;
    },
  };
}
