import { Id, type AreaListResponse, type AreaTreeResponse } from '@doorstep/sdk';
import { Hono } from 'hono';
import type * as z from 'zod/mini';
import { buildAreaTree, findArea, listAreas, listChildAreas } from '../db/areas.js';
import type { Database } from '../db/database.js';
import { notFound, validationFailed } from '../errors.js';

/** `GET /v1/areas`: the whole tree, or with `?parent=ID` that area's direct children. */
export function areaRoutes(db: Database): Hono {
  return new Hono().get('/v1/areas', async (c) => {
    const parent = c.req.query('parent');
    if (parent === undefined) {
      return c.json({ areas: buildAreaTree(await listAreas(db)) } satisfies z.output<typeof AreaTreeResponse>);
    }
    if (!Id.safeParse(parent).success) throw validationFailed({ parent: { key: 'field_invalid_parent' } });
    if (!(await findArea(db, parent))) throw notFound('area_not_found');
    return c.json({ areas: await listChildAreas(db, parent) } satisfies z.output<typeof AreaListResponse>);
  });
}
