/**
 * A `WITH RECURSIVE` clause naming `related`: the area `$1`, the areas above it and the areas below it.
 * Whatever is offered for any of them concerns a resident of `$1`: a subdistrict-wide lecture, the
 * community's own service station, a compound's activity. Start a query with it and filter with
 * `area_id IN (SELECT id FROM related)`.
 */
export const RELATED_AREAS = `WITH RECURSIVE up AS (
    SELECT id, parent_id FROM areas WHERE id = $1
    UNION ALL SELECT a.id, a.parent_id FROM areas a JOIN up ON a.id = up.parent_id
  ), down AS (
    SELECT id FROM areas WHERE id = $1
    UNION ALL SELECT a.id FROM areas a JOIN down ON a.parent_id = down.id
  ), related AS (SELECT id FROM up UNION SELECT id FROM down)`;

/**
 * A `WITH RECURSIVE` clause naming `within`: the area `$1` and every area below it — what "figures for
 * an area" count (a community's figures include its compounds').
 */
export const AREA_AND_BELOW = `WITH RECURSIVE within AS (
    SELECT id FROM areas WHERE id = $1
    UNION ALL SELECT a.id FROM areas a JOIN within ON a.parent_id = within.id
  )`;
