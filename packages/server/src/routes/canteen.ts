import {
  CalendarDate,
  CanteenWeekPublish,
  Id,
  MEALS,
  addDays,
  calendarDateOf,
  isoWeekday,
  toZonedIso,
  weekStartOf,
  type Canteen,
  type CanteenDay,
  type CanteenWeekMenu,
  type StaffCanteenWeekMenu,
} from '@doorstep/sdk';
import { Hono } from 'hono';
import { requireStaff, type StaffEnv } from '../auth.js';
import type { ServerConfig } from '../config.js';
import { findArea } from '../db/areas.js';
import { findCanteen, findMenu, listCanteens, publishMenu, type MenuRow } from '../db/canteen.js';
import type { Database, Queryable } from '../db/database.js';
import { notFound, unprocessable, validationFailed, type FieldMessages } from '../errors.js';
import { readJsonBody } from '../json-body.js';
import { parseOrThrow } from '../validation.js';

/** The seven days from Monday, each with its meals (none where the canteen is closed or nothing is published). */
function fullWeek(weekStart: string, days: readonly CanteenDay[]): CanteenDay[] {
  return Array.from({ length: 7 }, (_, index) => {
    const date = addDays(weekStart, index);
    return days.find((day) => day.date === date) ?? { date, meals: [] };
  });
}

function toMenu(canteen: Canteen, weekStart: string, menu: MenuRow | undefined): CanteenWeekMenu {
  return {
    canteen,
    weekStart,
    published: menu !== undefined,
    publishedAt: menu ? toZonedIso(menu.publishedAt) : null,
    days: fullWeek(weekStart, menu?.days ?? []),
    subsidyNote: menu?.subsidyNote ?? null,
    note: menu?.note ?? null,
  };
}

async function canteenOr404(db: Queryable, id: string): Promise<Canteen> {
  const canteen = Id.safeParse(id).success ? await findCanteen(db, id) : undefined;
  if (!canteen) throw notFound('canteen_not_found');
  return canteen;
}

function dateOf(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (!CalendarDate.safeParse(value).success) throw validationFailed({ [name]: { key: 'field_canteen_date' } });
  return value;
}

const mealOrder = (meal: (typeof MEALS)[number]) => MEALS.indexOf(meal);

/**
 * Canteens: residents read a canteen's week (today's week by default); staff (role `canteen`) publish a
 * week's menu with `PUT`, which replaces what was published for that week before.
 */
export function canteenRoutes(db: Database, config: Pick<ServerConfig, 'staffTokens'>): Hono<StaffEnv> {
  const staff = requireStaff(config.staffTokens, 'canteen');
  return new Hono<StaffEnv>()
    .get('/v1/canteens', async (c) => {
      const areaId = c.req.query('area');
      if (areaId !== undefined && !(Id.safeParse(areaId).success && (await findArea(db, areaId)))) throw notFound('area_not_found');
      return c.json({ canteens: await listCanteens(db, areaId) });
    })
    .get('/v1/canteens/:id/menu', async (c) => {
      const canteen = await canteenOr404(db, c.req.param('id'));
      // Any day of the week names the week; without one, this week in the community's time zone.
      const day = dateOf(c.req.query('week'), 'week') ?? calendarDateOf(new Date());
      const weekStart = weekStartOf(day);
      return c.json(toMenu(canteen, weekStart, await findMenu(db, canteen.id, weekStart)));
    })
    .put('/v1/staff/canteens/:id/menus/:weekStart', staff, async (c) => {
      const weekStart = dateOf(c.req.param('weekStart'), 'weekStart')!;
      const input = parseOrThrow(CanteenWeekPublish, await readJsonBody(c));
      const publishedBy = c.get('staff').name;
      const { canteen, menu, created } = await db.transaction(async (tx) => {
        const canteen = await canteenOr404(tx, c.req.param('id'));
        const fields: FieldMessages = {};
        if (isoWeekday(weekStart) !== 1) {
          fields.weekStart = { key: 'field_canteen_week_start', params: { monday: weekStartOf(weekStart) } };
          throw unprocessable(fields);
        }
        const last = addDays(weekStart, 6);
        const seenDays = new Set<string>();
        input.days.forEach((day, d) => {
          if (day.date < weekStart || day.date > last) {
            fields[`days.${d}.date`] = { key: 'field_canteen_day_outside_week', params: { from: weekStart, to: last } };
          } else if (seenDays.has(day.date)) fields[`days.${d}.date`] = { key: 'field_canteen_day_duplicate' };
          seenDays.add(day.date);
          const seenMeals = new Set<string>();
          day.meals.forEach((meal, m) => {
            const path = `days.${d}.meals.${m}`;
            if (seenMeals.has(meal.meal)) fields[`${path}.meal`] = { key: 'field_canteen_meal_duplicate' };
            seenMeals.add(meal.meal);
            if (meal.closes <= meal.opens) fields[`${path}.closes`] = { key: 'field_canteen_closes_first' };
            meal.dishes.forEach((dish, k) => {
              if (dish.elderPriceFen !== undefined && dish.elderPriceFen > dish.priceFen) {
                fields[`${path}.dishes.${k}.elderPriceFen`] = { key: 'field_canteen_elder_price_above' };
              }
            });
          });
        });
        if (Object.keys(fields).length > 0) throw unprocessable(fields);
        // Stored in the order residents read: days by date, meals by the time of day, tags deduplicated.
        const days = [...input.days]
          .sort((a, b) => (a.date < b.date ? -1 : 1))
          .map((day) => ({
            date: day.date,
            meals: [...day.meals]
              .sort((a, b) => mealOrder(a.meal) - mealOrder(b.meal))
              .map((meal) => ({ ...meal, dishes: meal.dishes.map((dish) => ({ ...dish, tags: [...new Set(dish.tags)] })) })),
          }));
        const stored = await publishMenu(
          tx,
          canteen.id,
          weekStart,
          { days, subsidyNote: input.subsidyNote ?? null, note: input.note ?? null },
          publishedBy,
        );
        return { canteen, ...stored };
      });
      const body: StaffCanteenWeekMenu = { ...toMenu(canteen, weekStart, menu), publishedBy: menu.publishedBy, revision: menu.revision };
      return c.json(body, created ? 201 : 200);
    });
}
