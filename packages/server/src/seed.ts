import { AREA_LEVELS, type AreaLevel } from '@doorstep/sdk';
import { seedAppointments } from './db/appointments.js';
import { seedEvents } from './db/events.js';
import { seedCanteens } from './db/canteen.js';
import { seedCategoryQuestions } from './db/category-questions.js';
import type { Database, Queryable } from './db/database.js';
import { seedEldercare } from './db/eldercare.js';
import { seedRequests } from './db/request-seed.js';
import { seedVolunteering } from './db/volunteering-seed.js';
import { SEED_AREAS, SEED_CATEGORIES, type SeedArea } from './sample-data.js';

interface AreaRow {
  id: string;
  parentId: string | null;
  level: AreaLevel;
  name: string;
  sortOrder: number;
}

function flatten(areas: SeedArea[], parentId: string | null, depth: number, out: AreaRow[] = []): AreaRow[] {
  areas.forEach((area, index) => {
    out.push({ id: area.id, parentId, level: AREA_LEVELS[depth]!, name: area.name, sortOrder: index + 1 });
    if (area.children) flatten(area.children, area.id, depth + 1, out);
  });
  return out;
}

async function insertAreas(tx: Queryable): Promise<number> {
  const rows = flatten(SEED_AREAS, null, 0);
  // Parents come before children in `rows`, so the foreign key holds row by row.
  for (const row of rows) {
    await tx.query(`INSERT INTO areas (id, parent_id, level, name, sort_order) VALUES ($1, $2, $3, $4, $5)`, [
      row.id,
      row.parentId,
      row.level,
      row.name,
      row.sortOrder,
    ]);
  }
  return rows.length;
}

async function insertCategories(tx: Queryable): Promise<number> {
  for (const [index, category] of SEED_CATEGORIES.entries()) {
    await tx.query(
      `INSERT INTO categories (id, name, description, allow_anonymous, sort_order)
       VALUES ($1, $2::text::jsonb, $3::text::jsonb, $4, $5) ON CONFLICT (id) DO NOTHING`,
      [category.id, JSON.stringify(category.name), JSON.stringify(category.description), category.allowAnonymous, index + 1],
    );
  }
  return SEED_CATEGORIES.length;
}

/**
 * Fills an empty database with the sample district and the categories. Runs only when the
 * `areas` table is empty, so a real deployment's own data is never touched, and takes the same
 * kind of advisory lock as the migrations, so two processes starting together seed once.
 * Resolves to how many rows it inserted.
 */
export async function seed(db: Database): Promise<{ areas: number; categories: number }> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('doorstep:seed'))`);
    const [{ count } = { count: 0 }] = await tx.query<{ count: number }>(`SELECT count(*)::int AS count FROM areas`);
    if (count > 0) return { areas: 0, categories: 0 };
    const inserted = { areas: await insertAreas(tx), categories: await insertCategories(tx) };
    await seedCategoryQuestions(tx);
    await seedEldercare(tx);
    await seedRequests(tx);
    await seedAppointments(tx);
    await seedEvents(tx);
    await seedCanteens(tx);
    await seedVolunteering(tx);
    return inserted;
  });
}
