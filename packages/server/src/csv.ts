/**
 * CSV for spreadsheets (RFC 4180): comma-separated, CRLF line ends, UTF-8 with a byte-order mark so
 * Excel and WPS open Chinese text correctly instead of guessing a legacy code page.
 */

export type CsvCell = string | number | null | undefined;

/** Characters that make a spreadsheet read a cell as a formula (or, with tab and CR, hide its start). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One cell. Text that a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+1`, `-1+1`, `@SUM`)
 * gets a leading apostrophe, so it shows as the text it is (CSV injection); numbers are written as
 * they are. Cells with a comma, quote or line break are quoted, with quotes doubled.
 */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  let text = typeof value === 'number' ? String(value) : value;
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole document: the BOM, the header row, then one row per record, each line ending in CRLF. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvCell[]>): string {
  return '\uFEFF' + [header, ...rows].map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}

/** Headers for a CSV download named `filename` (ASCII): never cached, since it holds personal data. */
export function csvHeaders(filename: string): Record<string, string> {
  return {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${filename}"`,
    'cache-control': 'no-store',
  };
}
