import { calendarDateOf, weekStartOf, addDays, type Canteen, type CanteenDay, type LocalizedText } from '@doorstep/sdk';
import { SAMPLE_CANTEENS, sampleCanteenWeek } from '../sample-data/canteen.js';
import { RELATED_AREAS } from './area-scope.js';
import type { Queryable } from './database.js';

interface CanteenRow {
  id: string;
  areaId: string;
  name: LocalizedText;
  place: LocalizedText;
  phone: string | null;
  note: LocalizedText | null;
}

const CANTEEN_COLUMNS = `id, area_id AS "areaId", name, place, phone, note`;

function toCanteen({ note, ...row }: CanteenRow): Canteen {
  return note === null ? row : { ...row, note };
}

/** Canteens in display order; with `areaId`, those for the area, above it and below it. */
export async function listCanteens(db: Queryable, areaId?: string): Promise<Canteen[]> {
  const rows =
    areaId === undefined
      ? await db.query<CanteenRow>(`SELECT ${CANTEEN_COLUMNS} FROM canteens ORDER BY sort_order, id`)
      : await db.query<CanteenRow>(
          `${RELATED_AREAS} SELECT ${CANTEEN_COLUMNS} FROM canteens WHERE area_id IN (SELECT id FROM related) ORDER BY sort_order, id`,
          [areaId],
        );
  return rows.map(toCanteen);
}

export async function findCanteen(db: Queryable, id: string): Promise<Canteen | undefined> {
  const [row] = await db.query<CanteenRow>(`SELECT ${CANTEEN_COLUMNS} FROM canteens WHERE id = $1`, [id]);
  return row && toCanteen(row);
}

export interface MenuRow {
  days: CanteenDay[];
  subsidyNote: LocalizedText | null;
  note: LocalizedText | null;
  publishedBy: string;
  publishedAt: Date;
  revision: number;
}

const MENU_COLUMNS = `days, subsidy_note AS "subsidyNote", note, published_by AS "publishedBy", published_at AS "publishedAt", revision`;

export async function findMenu(db: Queryable, canteenId: string, weekStart: string): Promise<MenuRow | undefined> {
  const [row] = await db.query<MenuRow>(
    `SELECT ${MENU_COLUMNS} FROM canteen_menus WHERE canteen_id = $1 AND week_start = $2::date`,
    [canteenId, weekStart],
  );
  return row;
}

/**
 * Stores a week's menu, replacing one published before (its revision grows). Resolves to the stored
 * menu and whether this was the week's first publication.
 */
export async function publishMenu(
  tx: Queryable,
  canteenId: string,
  weekStart: string,
  menu: { days: CanteenDay[]; subsidyNote: LocalizedText | null; note: LocalizedText | null },
  publishedBy: string,
): Promise<{ menu: MenuRow; created: boolean }> {
  const json = (value: unknown) => (value === null ? null : JSON.stringify(value));
  const [row] = await tx.query<MenuRow>(
    `INSERT INTO canteen_menus (canteen_id, week_start, days, subsidy_note, note, published_by)
     VALUES ($1, $2::date, $3::text::jsonb, $4::text::jsonb, $5::text::jsonb, $6)
     ON CONFLICT (canteen_id, week_start) DO UPDATE SET
       days = EXCLUDED.days, subsidy_note = EXCLUDED.subsidy_note, note = EXCLUDED.note,
       published_by = EXCLUDED.published_by, published_at = now(), revision = canteen_menus.revision + 1
     RETURNING ${MENU_COLUMNS}`,
    [canteenId, weekStart, json(menu.days), json(menu.subsidyNote), json(menu.note), publishedBy],
  );
  return { menu: row!, created: row!.revision === 1 };
}

/** Seeds the sample canteens, and this week's and next week's menu of the first one. */
export async function seedCanteens(tx: Queryable): Promise<void> {
  for (const [index, canteen] of SAMPLE_CANTEENS.entries()) {
    await tx.query(
      `INSERT INTO canteens (id, area_id, name, place, phone, note, sort_order)
       VALUES ($1, $2, $3::text::jsonb, $4::text::jsonb, $5, $6::text::jsonb, $7)`,
      [
        canteen.id,
        canteen.areaId,
        JSON.stringify(canteen.name),
        JSON.stringify(canteen.place),
        canteen.phone,
        canteen.note ? JSON.stringify(canteen.note) : null,
        index + 1,
      ],
    );
  }
  const thisWeek = weekStartOf(calendarDateOf(new Date()));
  for (const weekStart of [thisWeek, addDays(thisWeek, 7)]) {
    const week = sampleCanteenWeek(weekStart);
    await publishMenu(
      tx,
      SAMPLE_CANTEENS[0]!.id,
      weekStart,
      { days: week.days, subsidyNote: week.subsidyNote ?? null, note: week.note ?? null },
      'sample data',
    );
  }
}
