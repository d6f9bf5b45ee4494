import type { CategoryListResponse } from '@doorstep/sdk';
import { Hono } from 'hono';
import type * as z from 'zod/mini';
import { listCategories } from '../db/categories.js';
import type { Database } from '../db/database.js';

/** `GET /v1/categories`: the kinds of problem a resident can report, names in every locale. */
export function categoryRoutes(db: Database): Hono {
  return new Hono().get('/v1/categories', async (c) =>
    c.json({ categories: await listCategories(db) } satisfies z.output<typeof CategoryListResponse>),
  );
}
