import { unsafeCSS, type CSSResult } from 'lit';

// Grid columns that follow the grid's own width, as a container query would, but without making an
// element a size container: size containment costs every layout of the widget a second pass (a page
// with a hundred forms lays out about 13 % slower with it). The trick: `(threshold - 100%) * 999` is a
// huge length while the grid is narrower than `threshold` and zero or less from then on, so inside
// `min()` and `max()` it switches a track size at that width.

/** The grid's whole width while it is narrower than `threshold`, nothing (≤ 0) from `threshold` on. */
const wholeWidthBelow = (threshold: string) => `min(100%, (${threshold} - 100%) * 999)`;

/**
 * `grid-template-columns` for one column on a narrow grid and `count` equal columns from `from` on,
 * step by step: `equalColumns(gap, ['24em', 2], ['48em', 4])` is 1, then 2, then 4 — never 3, never
 * 2 + 1. `gap` must be the grid's column gap.
 */
export function equalColumns(gap: CSSResult, ...steps: Array<readonly [from: string, count: number]>): CSSResult {
  const tracks = steps.map(([, count], index) => {
    // A hair under the exact share, so rounding never leaves the last column without room.
    const share = `(100% - ${count - 1} * ${gap}) / ${count} - 0.05px`;
    const next = steps[index + 1];
    return next ? `min(${share}, (${next[0]} - 100%) * 999)` : `calc(${share})`;
  });
  const track = `max(${[...tracks, wholeWidthBelow(steps[0]![0])].join(', ')})`;
  return unsafeCSS(`repeat(auto-fill, minmax(${track}, 1fr))`);
}

/**
 * `grid-template-columns` for one column on a narrow grid and, from `from` on, as many columns of at
 * least `min` as fit (short choices such as times or skills, two or three to a row).
 */
export function fillColumns(from: string, min: string): CSSResult {
  return unsafeCSS(`repeat(auto-fill, minmax(min(100%, max(${min}, ${wholeWidthBelow(from)})), 1fr))`);
}
