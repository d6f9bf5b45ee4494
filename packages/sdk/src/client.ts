import { appointmentsResource } from './resources/appointments.js';
import { eventsResource } from './resources/events.js';
import { canteenResource } from './resources/canteen.js';
import { areasResource } from './resources/areas.js';
import { categoriesResource } from './resources/categories.js';
import { eldercareResource } from './resources/eldercare.js';
import { photosResource } from './resources/photos.js';
import { requestsResource } from './resources/requests.js';
import { staffRequestsResource } from './resources/staff-requests.js';
import { statsResource } from './resources/stats.js';
import { volunteeringResource } from './resources/volunteering.js';
import { createTransport, type ClientOptions } from './transport.js';

export type DoorstepClient = ReturnType<typeof createClient>;

/**
 * A typed client for the Doorstep API. Inputs are checked before anything is sent, answers are checked
 * against the same schemas the server uses, and every failure is a {@link DoorstepError} subclass.
 * Each group of operations lives in its own module under `resources/`.
 *
 * @example
 * const client = createClient({ baseUrl: 'http://localhost:8787' });
 * const { code } = await client.requests.create({ categoryId: 'public-light', areaId: 'b-1', description: '楼道灯不亮' });
 */
export function createClient(options: ClientOptions) {
  const transport = createTransport(options);
  return {
    areas: areasResource(transport),
    appointments: appointmentsResource(transport),
    events: eventsResource(transport),
    canteen: canteenResource(transport),
    categories: categoriesResource(transport),
    /** `requests.staff`: the staff operations (the client needs a `token` with the `requests` or `admin` role). */
    requests: { ...requestsResource(transport), staff: staffRequestsResource(transport) },
    photos: photosResource(transport, options),
    stats: statsResource(transport),
    eldercare: eldercareResource(transport),
    volunteering: volunteeringResource(transport),
  };
}
