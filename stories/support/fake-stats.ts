/** The fake API's community figures (see fake-api.ts): a plausible month for 幸福里社区. */
import type { CommunityStats } from '@doorstep/sdk';
import { SEED_CATEGORIES } from '@doorstep/server/sample-data';
import { json, type FakeRoute } from './fake-http.js';

const name = (id: string) => SEED_CATEGORIES.find((category) => category.id === id)!.name;

/** `?area=empty` answers a period with nothing recorded yet, for the empty story. */
export const statsRoutes: FakeRoute = (request, url) => {
  if (request.method !== 'GET' || url.pathname !== '/v1/stats/summary') return undefined;
  const empty = url.searchParams.get('area') === 'empty';
  const stats: CommunityStats = {
    area: url.searchParams.get('area'),
    from: null,
    to: null,
    requests: empty
      ? { collected: 0, resolved: 0, resolutionRate: null, medianResolutionSeconds: null, topCategories: [] }
      : {
          collected: 123,
          resolved: 111,
          resolutionRate: 0.902,
          medianResolutionSeconds: 2.5 * 86_400,
          topCategories: [
            { categoryId: 'public-light', name: name('public-light'), collected: 38, resolved: 36 },
            { categoryId: 'water-leak', name: name('water-leak'), collected: 24, resolved: 19 },
            { categoryId: 'door-lock', name: name('door-lock'), collected: 21, resolved: 20 },
            { categoryId: 'parking', name: name('parking'), collected: 17, resolved: 14 },
            { categoryId: 'sanitation', name: name('sanitation'), collected: 12, resolved: 12 },
          ],
        },
    volunteering: empty ? { hours: 0, volunteers: 0 } : { hours: 486.5, volunteers: 73 },
    eldercare: { recipients: empty ? 0 : 57 },
    events: empty ? { held: 0, participants: 0 } : { held: 9, participants: 312 },
  };
  return json(200, stats);
};
