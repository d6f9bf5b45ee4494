import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { Database } from '../db/database.js';

export const HealthResponse = z.object({ status: z.literal('ok') });

/** `GET /healthz`: 200 when the server can reach its database. */
export function healthRoutes(db: Database): Hono {
  return new Hono().get('/healthz', async (c) => {
    await db.query('SELECT 1');
    return c.json({ status: 'ok' } satisfies z.output<typeof HealthResponse>);
  });
}
