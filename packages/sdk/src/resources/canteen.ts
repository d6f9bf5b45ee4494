import * as z from 'zod/mini';
import {
  CalendarDate,
  CanteenListResponse,
  CanteenWeekMenu,
  CanteenWeekPublish,
  Id,
  StaffCanteenWeekMenu,
  type Canteen,
} from '../schemas/index.js';
import { check, signalOf, type CallOptions, type Transport } from '../transport.js';

const ListQuery = z.object({ area: z.optional(Id) });
const MenuQuery = z.object({ week: z.optional(CalendarDate) });

const canteenPath = (id: string) => `v1/canteens/${encodeURIComponent(check(Id, id, 'request'))}`;

/**
 * Community canteens: the list for an area and a week's menu (meals with serving hours, dishes with diet
 * tags, prices and elder prices in fen) — and, with a staff token, `staff.publishWeek`.
 */
export function canteenResource({ call }: Transport) {
  return {
    /** Canteens for an area (its own, above and below it); all without `area`. */
    async list(opts: CallOptions & { area?: string } = {}): Promise<Canteen[]> {
      const { area } = check(ListQuery, { area: opts.area }, 'request');
      return (await call(CanteenListResponse, 'v1/canteens', { ...signalOf(opts), ...(area ? { searchParams: { area } } : {}) })).canteens;
    },

    /**
     * A week's menu, Monday to Sunday. `week` is any day of the wanted week (`YYYY-MM-DD`, community date);
     * default this week. An unpublished week answers `published: false` with seven empty days.
     */
    async menu(canteenId: string, opts: CallOptions & { week?: string } = {}): Promise<CanteenWeekMenu> {
      const { week } = check(MenuQuery, { week: opts.week }, 'request');
      return call(CanteenWeekMenu, `${canteenPath(canteenId)}/menu`, { ...signalOf(opts), ...(week ? { searchParams: { week } } : {}) });
    },

    /** Staff operations (a token with the `canteen` or `admin` role). */
    staff: {
      /**
       * Publishes the menu of the week starting on `weekStart` (a Monday), replacing what was published for
       * that week before; days left out are closed. Safe to repeat: the same menu gives the same result.
       */
      async publishWeek(canteenId: string, weekStart: string, menu: CanteenWeekPublish, opts: CallOptions = {}): Promise<StaffCanteenWeekMenu> {
        const day = check(CalendarDate, weekStart, 'request');
        const body = check(CanteenWeekPublish, menu, 'request');
        const path = `v1/staff/canteens/${encodeURIComponent(check(Id, canteenId, 'request'))}/menus/${day}`;
        return call(StaffCanteenWeekMenu, path, { method: 'put', json: body, ...signalOf(opts) });
      },
    },
  };
}
