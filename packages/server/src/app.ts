import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { systemClock, type Clock } from './clock.js';
import type { ServerConfig } from './config.js';
import type { Database } from './db/database.js';
import { ApiError, errorResponse, internalError, notFound } from './errors.js';
import { open311ErrorResponse } from './open311/respond.js';
import { corsFromAllowList } from './middleware/cors.js';
import { requestLog } from './middleware/request-log.js';
import { securityHeaders } from './middleware/security-headers.js';
import { staticFiles } from './middleware/static-files.js';
import { appointmentRoutes } from './routes/appointments.js';
import { eventRoutes } from './routes/events.js';
import { canteenRoutes } from './routes/canteen.js';
import { areaRoutes } from './routes/areas.js';
import { categoryRoutes } from './routes/categories.js';
import { eldercareRoutes } from './routes/eldercare.js';
import { healthRoutes } from './routes/health.js';
import { OPEN311_BASE, open311Routes } from './routes/open311.js';
import { openApiRoutes } from './routes/openapi.js';
import { PHOTOS_PATH, photoRoutes } from './routes/photos.js';
import { requestStatsRoutes } from './routes/request-stats.js';
import { communityStatsRoutes } from './routes/community-stats.js';
import { requestRoutes } from './routes/requests.js';
import { staffRequestRoutes } from './routes/staff-requests.js';
import { volunteeringRoutes } from './routes/volunteering.js';

export interface AppDeps {
  db: Database;
  config: ServerConfig;
  /** The time, for what the request workflow records (tests move it instead of sleeping). */
  clock?: Clock;
}

/** The API as a Hono app (a fetch handler): mount it in Node, a test, or any other runtime Hono supports. */
export function createApp({ db, config, clock = systemClock }: AppDeps): Hono {
  const app = new Hono();
  if (config.logRequests) app.use(requestLog());
  // JSON answers and files without a precompressed sibling go out gzipped to a browser that takes it
  // (a resident's phone on a slow network downloads the area tree in a fifth of the bytes).
  app.use(compress());
  app.use(securityHeaders());
  app.use(corsFromAllowList(config.corsOrigins));
  const jsonBodyLimit = bodyLimit({
    maxSize: config.bodyLimitBytes,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', 'payload_too_large', undefined, { limit: config.bodyLimitBytes });
    },
  });
  // Photo uploads have their own, larger limit (DOORSTEP_PHOTO_MAX_BYTES, in routes/photos.ts).
  app.use((c, next) => (c.req.path === PHOTOS_PATH ? next() : jsonBodyLimit(c, next)));

  app.route('/', healthRoutes(db));
  app.route('/', openApiRoutes());
  app.route('/', areaRoutes(db));
  app.route('/', categoryRoutes(db));
  app.route('/', open311Routes(db, { config, clock }));
  app.route('/', eldercareRoutes(db, config));
  app.route('/', requestRoutes(db, { config, clock }));
  app.route('/', photoRoutes(db, { config, clock }));
  app.route('/', staffRequestRoutes(db, { config, clock }));
  app.route('/', requestStatsRoutes(db));
  app.route('/', communityStatsRoutes(db, clock));
  app.route('/', appointmentRoutes(db, config));
  app.route('/', eventRoutes(db, config));
  app.route('/', canteenRoutes(db, config));
  app.route('/', volunteeringRoutes(db, config, { now: clock }));
  // Registered after the API, so a file can never shadow a route.
  if (config.staticDir) app.use('*', staticFiles(config.staticDir));

  app.notFound((c) => errorResponse(c, notFound()));
  app.onError((error, c) => {
    // Errors raised before a facade route runs (a body too large) still answer in the Open311 format.
    if (c.req.path.startsWith(`${OPEN311_BASE}/`)) return open311ErrorResponse(c, error);
    if (error instanceof ApiError) return errorResponse(c, error);
    // The details stay in the server's log (always: an unexpected error must never pass unseen);
    // the caller gets the generic message only.
    console.error(`${c.req.method} ${c.req.path} failed:`, error);
    return errorResponse(c, internalError());
  });
  return app;
}
