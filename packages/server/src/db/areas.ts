import type { Area, AreaNode } from '@doorstep/sdk';
import type { Queryable } from './database.js';

const AREA_COLUMNS = `id, parent_id AS "parentId", level, name`;

export async function listAreas(db: Queryable): Promise<Area[]> {
  return db.query<Area>(`SELECT ${AREA_COLUMNS} FROM areas ORDER BY sort_order, id`);
}

export async function findArea(db: Queryable, id: string): Promise<Area | undefined> {
  const [area] = await db.query<Area>(`SELECT ${AREA_COLUMNS} FROM areas WHERE id = $1`, [id]);
  return area;
}

export async function listChildAreas(db: Queryable, parentId: string): Promise<Area[]> {
  return db.query<Area>(`SELECT ${AREA_COLUMNS} FROM areas WHERE parent_id = $1 ORDER BY sort_order, id`, [parentId]);
}

/** Names from the root (district) down to the area itself. */
export async function areaPath(db: Queryable, id: string): Promise<string[]> {
  const rows = await db.query<{ name: string }>(
    `WITH RECURSIVE path AS (
       SELECT id, parent_id, name, 0 AS depth FROM areas WHERE id = $1
       UNION ALL
       SELECT a.id, a.parent_id, a.name, p.depth + 1 FROM areas a JOIN path p ON a.id = p.parent_id
     )
     SELECT name FROM path ORDER BY depth DESC`,
    [id],
  );
  return rows.map((row) => row.name);
}

/** Nests a flat, ordered list into trees; areas whose parent is missing become roots. */
export function buildAreaTree(areas: Area[]): AreaNode[] {
  const nodes = new Map(areas.map((area) => [area.id, { ...area, children: [] as AreaNode[] }]));
  const roots: AreaNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

