import { html, nothing, svg, type TemplateResult } from 'lit';

// The counter's two charts. Each is drawn in SVG for sighted readers and hidden from assistive
// technology; a table with the same numbers stands beside it — visually hidden, or shown instead of the
// chart when the reader asks for it — so nothing is only in the picture.

export interface ChartText {
  caption: string;
  /** Column headings of the table: the row label's and the value's. */
  labelHeading: string;
  valueHeading: string;
  /** The toggle's label, for the current mode. */
  toggle: string;
  /** What the dashed goal line means ("虚线：每月目标 550 小时"), when there is one. */
  goalLegend?: string;
  /** What the dotted last stretch means ("点线：本月至今"), shown when the last month is under way. */
  partialLegend?: string;
}

export interface ChartRow {
  /** Short, for under the chart (11月 / Nov). */
  label: string;
  /** In full, for the table (2026年11月 / November 2026). */
  fullLabel: string;
  value: number;
  /** The value as the locale writes it. */
  shown: string;
  /** The month under way (the trend's last): marked, and the line into it dotted, since it is not over. */
  current?: boolean;
}

function table(id: string, text: ChartText, rows: readonly ChartRow[], visible: boolean): TemplateResult {
  return html`<table id=${id} part="table" class="table ${visible ? '' : 'visually-hidden'}">
    <caption>${text.caption}</caption>
    <thead>
      <tr><th scope="col">${text.labelHeading}</th><th scope="col">${text.valueHeading}</th></tr>
    </thead>
    <tbody>
      ${rows.map((row) => html`<tr><th scope="row">${row.fullLabel}</th><td>${row.shown}</td></tr>`)}
    </tbody>
  </table>`;
}

function figure(id: string, text: ChartText, asTable: boolean, onToggle: () => void, picture: TemplateResult, rows: readonly ChartRow[]) {
  return html`<figure part="chart" class="chart" aria-labelledby="${id}-caption">
    <div class="chart-head">
      <figcaption id="${id}-caption" class="chart-caption">${text.caption}</figcaption>
      <button
        part="button toggle-button"
        type="button"
        class="toggle"
        aria-pressed=${asTable ? 'true' : 'false'}
        aria-controls="${id}-table"
        @click=${onToggle}
      >
        ${text.toggle}
      </button>
    </div>
    ${asTable ? nothing : picture} ${table(`${id}-table`, text, rows, asTable)}
  </figure>`;
}

/** Horizontal bars, one per team, longest first; labels and values are text, each bar a small SVG. */
export function teamBars(id: string, text: ChartText, rows: readonly ChartRow[], asTable: boolean, onToggle: () => void): TemplateResult {
  const max = Math.max(1, ...rows.map((row) => row.value));
  const picture = html`<div class="bars" aria-hidden="true">
    ${rows.map(
      (row) => html`<div class="bar-row">
        <span class="bar-label">${row.label}</span>
        <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" focusable="false">
          <rect class="bar-track" x="0" y="0" width="100" height="10" rx="2"></rect>
          <rect part="bar" class="bar-fill" x="0" y="0" width=${(row.value / max) * 100} height="10" rx="2"></rect>
        </svg>
        <span class="bar-value">${row.shown}</span>
      </div>`,
    )}
  </div>`;
  return figure(id, text, asTable, onToggle, picture, rows);
}

const WIDTH = 360;
const HEIGHT = 120;
const PAD = 10;

/**
 * A small line chart of months, oldest first; the month under way marked and reached by a dotted
 * stretch (its figure is only so far); a dashed line at `goal` when there is one. Month names are text
 * under the SVG, so they keep their size in the elder theme.
 */
export function trendLine(
  id: string,
  text: ChartText,
  rows: readonly ChartRow[],
  goal: number | undefined,
  asTable: boolean,
  onToggle: () => void,
): TemplateResult {
  const max = Math.max(1, goal ?? 0, ...rows.map((row) => row.value)) * 1.08;
  const x = (index: number) => PAD + (index * (WIDTH - 2 * PAD)) / Math.max(1, rows.length - 1);
  const y = (value: number) => HEIGHT - PAD - (value / max) * (HEIGHT - 2 * PAD);
  const point = (index: number) => `${x(index).toFixed(1)},${y(rows[index]!.value).toFixed(1)}`;
  // The month under way is reached by a dotted stretch of its own; the line before it is solid.
  const partial = rows.length > 1 && rows.at(-1)!.current === true;
  const solid = rows.slice(0, partial ? -1 : undefined).map((_, index) => point(index)).join(' ');
  const legend = (line: string, label: string) => html`<span class="trend-legend-item"><span class="trend-legend-line ${line}"></span>${label}</span>`;
  const legends = [
    goal !== undefined && text.goalLegend ? legend('', text.goalLegend) : undefined,
    partial && text.partialLegend ? legend('trend-legend-line--partial', text.partialLegend) : undefined,
  ].filter((item) => item !== undefined);
  const picture = html`<div class="trend" aria-hidden="true">
    <svg class="trend-svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" focusable="false">
      ${svg`<line class="trend-axis" x1=${PAD} x2=${WIDTH - PAD} y1=${HEIGHT - PAD} y2=${HEIGHT - PAD}></line>`}
      ${goal === undefined ? nothing : svg`<line class="trend-goal" x1=${PAD} x2=${WIDTH - PAD} y1=${y(goal)} y2=${y(goal)}></line>`}
      ${svg`<polyline part="line" class="trend-line" points=${solid}></polyline>`}
      ${partial ? svg`<polyline part="line" class="trend-line trend-line--partial" points="${point(rows.length - 2)} ${point(rows.length - 1)}"></polyline>` : nothing}
      ${rows.map(
        (row, index) => svg`<circle class="trend-dot ${row.current ? 'trend-dot--current' : ''}" cx=${x(index)} cy=${y(row.value)} r=${row.current ? 5 : 3}></circle>`,
      )}
    </svg>
    <ol class="trend-labels" style="grid-template-columns: repeat(${rows.length}, 1fr)">
      ${rows.map((row, index) => html`<li class=${row.current ? 'current' : (rows.length - 1 - index) % 2 === 1 ? 'odd' : ''}>${row.label}</li>`)}
    </ol>
    ${legends.length ? html`<p class="trend-legend">${legends}</p>` : nothing}
  </div>`;
  return figure(id, text, asTable, onToggle, picture, rows);
}
