import { css } from 'lit';
import { widgetStyles } from '../shared/widget.styles.js';
import { token } from '../themes/styles.js';

export const serviceHoursStyles = [
  ...widgetStyles,
  css`
    .card {
      container-type: inline-size;
      /* Space held while loading, so the figures arriving do not push the page down. */
      min-block-size: 12rem;
    }
    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      justify-content: space-between;
      gap: ${token('space-xs')} ${token('space-m')};
      margin-bottom: ${token('space-s')};
    }
    .period,
    .meta,
    .source,
    .status,
    .empty,
    .goal-text {
      color: ${token('color-text-muted')};
    }
    .status {
      display: flex;
      align-items: center;
      gap: ${token('space-s')};
    }
    .source {
      margin-top: ${token('space-m')};
      font-size: ${token('font-size-small')};
    }

    .total {
      margin: 0;
      line-height: 1.1;
      color: ${token('color-primary')};
      font-weight: 700;
    }
    .number {
      font-size: calc(${token('font-size-title')} * 2);
      font-variant-numeric: tabular-nums;
      letter-spacing: -0.01em;
    }
    .unit {
      font-size: ${token('font-size-large')};
    }
    .meta {
      margin-top: ${token('space-xs')};
    }

    .goal {
      display: grid;
      gap: ${token('space-xs')};
      margin-top: ${token('space-m')};
    }
    .goal-track {
      display: block;
      block-size: 0.75rem;
      background: ${token('color-surface')};
      border: 1px solid ${token('color-border-subtle')};
      border-radius: 999px;
      overflow: hidden;
    }
    .goal-fill {
      display: block;
      block-size: 100%;
      background: ${token('color-primary')};
      border-radius: inherit;
      transition: inline-size 900ms ease-out;
    }
    .goal--reached .goal-fill {
      background: ${token('color-success')};
    }

    .charts {
      display: grid;
      gap: ${token('space-l')};
      margin-top: ${token('space-l')};
    }
    @container (min-width: 44rem) {
      .charts {
        grid-template-columns: 1fr 1fr;
        align-items: start;
      }
    }
    .chart {
      margin: 0;
      min-width: 0;
      /* The charts' own rules below follow the chart's width: side by side, each has half the card. */
      container-type: inline-size;
    }
    .chart-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: ${token('space-xs')} ${token('space-s')};
      margin-bottom: ${token('space-s')};
    }
    .chart-caption {
      font-weight: ${token('font-weight-strong')};
    }
    .toggle {
      min-block-size: ${token('target-size')};
      min-inline-size: ${token('target-size')};
      padding: 0 ${token('space-s')};
      font: inherit;
      font-size: ${token('font-size-small')};
      color: ${token('color-primary')};
      background: none;
      border: 1px solid transparent;
      border-radius: ${token('radius-s')};
      text-decoration: underline;
      text-underline-offset: 0.15em;
      cursor: pointer;
    }
    .toggle:hover {
      background: ${token('color-surface')};
    }
    .toggle:focus-visible {
      outline: ${token('focus-ring-width')} solid ${token('color-focus')};
      outline-offset: 2px;
    }

    .bars {
      display: grid;
      gap: ${token('space-s')};
    }
    .bar-row {
      display: grid;
      grid-template-columns: minmax(6rem, 9rem) 1fr auto;
      align-items: center;
      gap: ${token('space-s')};
    }
    .bar {
      display: block;
      inline-size: 100%;
      block-size: 0.875rem;
    }
    .bar-track {
      fill: ${token('color-surface')};
    }
    .bar-fill {
      fill: ${token('color-primary')};
    }
    .bar-value {
      font-variant-numeric: tabular-nums;
      min-inline-size: 3ch;
      text-align: end;
    }
    @container (max-width: 24rem) {
      .bar-row {
        grid-template-columns: 1fr auto;
      }
      .bar {
        grid-column: 1 / -1;
        grid-row: 2;
      }
    }

    .trend-svg {
      display: block;
      inline-size: 100%;
      block-size: auto;
      overflow: visible;
    }
    .trend-axis {
      stroke: ${token('color-border-subtle')};
      stroke-width: 1;
    }
    .trend-goal {
      stroke: ${token('color-success')};
      stroke-width: 1.5;
      stroke-dasharray: 6 4;
    }
    .trend-line {
      fill: none;
      stroke: ${token('color-primary')};
      stroke-width: 2.5;
      stroke-linejoin: round;
      stroke-linecap: round;
    }
    .trend-line--partial {
      stroke-dasharray: 1 6;
    }
    .trend-dot {
      fill: ${token('color-background')};
      stroke: ${token('color-primary')};
      stroke-width: 2;
    }
    .trend-dot--current {
      fill: ${token('color-primary')};
    }
    .trend-labels {
      display: grid;
      margin: ${token('space-xs')} 0 0;
      padding: 0;
      list-style: none;
      font-size: ${token('font-size-small')};
      color: ${token('color-text-muted')};
      text-align: center;
    }
    .trend-labels li {
      white-space: nowrap;
      min-inline-size: 0;
    }
    .trend-labels .current {
      color: ${token('color-text')};
      font-weight: ${token('font-weight-strong')};
    }
    .trend-legend {
      display: flex;
      flex-wrap: wrap;
      gap: 0 ${token('space-m')};
      margin-top: ${token('space-xs')};
      font-size: ${token('font-size-small')};
      color: ${token('color-text-muted')};
    }
    .trend-legend-item {
      display: flex;
      align-items: center;
      gap: ${token('space-xs')};
    }
    .trend-legend-line {
      inline-size: 1.5em;
      border-top: 2px dashed ${token('color-success')};
    }
    .trend-legend-line--partial {
      border-top: 3px dotted ${token('color-primary')};
    }
    /* Twelve month names do not fit a narrow chart: every other one, counted back from the last. In em,
       so that the elder theme's larger names switch at a wider chart. */
    @container (max-width: 32em) {
      .trend-labels .odd {
        visibility: hidden;
      }
    }

    .table {
      inline-size: 100%;
      border-collapse: collapse;
      font-variant-numeric: tabular-nums;
    }
    .table caption {
      text-align: start;
      font-weight: ${token('font-weight-strong')};
      margin-bottom: ${token('space-xs')};
    }
    .table th,
    .table td {
      padding: ${token('space-xs')} ${token('space-s')};
      border-bottom: 1px solid ${token('color-border-subtle')};
      text-align: start;
    }
    .table td {
      text-align: end;
    }

    /* The compact strip, for a page header: one line that wraps when it must. */
    .strip {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${token('space-xs')} ${token('space-s')};
      padding: ${token('space-xs')} ${token('space-s')};
      line-height: 1.3;
    }
    .strip-title {
      font-weight: ${token('font-weight-strong')};
    }
    .strip-period {
      color: ${token('color-text-muted')};
    }
    .strip .number {
      font-size: calc(${token('font-size-title')} * 1.2);
    }
    .strip .unit {
      font-size: inherit;
    }
    .strip .goal {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${token('space-xs')} ${token('space-s')};
      margin: 0;
    }
    .strip .goal-track {
      inline-size: 5rem;
    }
    .strip .goal-text {
      font-size: ${token('font-size-small')};
    }
    .strip .status,
    .strip .notice,
    .strip .alert {
      padding: 0;
      background: none;
      border: 0;
    }
    .strip .alert {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
    }

    @media (prefers-reduced-motion: reduce) {
      .goal-fill {
        transition: none;
      }
    }

    @media (forced-colors: active) {
      .goal-fill,
      .bar-fill,
      .trend-dot--current {
        fill: CanvasText;
        background: CanvasText;
        forced-color-adjust: none;
      }
      .trend-line,
      .trend-dot {
        stroke: CanvasText;
      }
      .goal-track,
      .bar-track {
        border-color: CanvasText;
      }
      .toggle {
        border-color: ButtonText;
      }
    }
  `,
];
