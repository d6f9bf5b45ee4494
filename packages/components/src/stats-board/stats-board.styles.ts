import { css } from 'lit';
import { widgetStyles } from '../shared/widget.styles.js';
import { token } from '../themes/styles.js';

export const statsBoardStyles = [
  ...widgetStyles,
  css`
    .card {
      container-type: inline-size;
    }
    /* Space held while loading, so figures arriving late do not push the page down. */
    .card.full {
      min-block-size: 20rem;
    }
    .card.compact {
      min-block-size: 7rem;
      padding: ${token('space-m')} ${token('space-l')};
    }
    .header {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      justify-content: space-between;
      gap: ${token('space-xs')} ${token('space-m')};
      margin-bottom: ${token('space-m')};
    }
    .compact .header {
      margin-bottom: ${token('space-s')};
    }
    .compact .title {
      font-size: ${token('font-size-large')};
    }
    .period,
    .source,
    .status,
    .empty {
      color: ${token('color-text-muted')};
    }

    .figures {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr));
      gap: ${token('space-s')};
      margin: 0 0 ${token('space-l')};
    }
    .compact .figures {
      grid-template-columns: repeat(auto-fit, minmax(7.5rem, 1fr));
      margin: 0;
    }
    .figure {
      display: flex;
      flex-direction: column-reverse;
      justify-content: flex-end;
      gap: ${token('space-xs')};
      padding: ${token('space-s')} ${token('space-m')};
      background: ${token('color-surface')};
      border-radius: ${token('radius-m')};
      min-width: 0;
    }
    .figure dt {
      color: ${token('color-text-muted')};
    }
    .figure dd {
      margin: 0;
      display: grid;
      gap: ${token('space-xs')};
    }
    .value {
      font-size: ${token('font-size-title')};
      font-weight: 700;
      line-height: 1.2;
      font-variant-numeric: tabular-nums;
      overflow-wrap: anywhere;
    }

    .rate-track,
    .bar-track {
      display: block;
      block-size: 0.5rem;
      background: ${token('color-border-subtle')};
      border-radius: 999px;
      overflow: hidden;
    }
    .rate-fill,
    .bar {
      display: block;
      block-size: 100%;
      background: ${token('color-primary')};
      border-radius: inherit;
    }
    .bar {
      /* The part still open, lighter; the resolved part is the darker fill inside it. */
      background: color-mix(in srgb, ${token('color-primary')} 35%, ${token('color-background')});
    }
    .bar-resolved {
      display: block;
      block-size: 100%;
      background: ${token('color-primary')};
    }

    .chart {
      margin: 0 0 ${token('space-m')};
    }
    .chart figcaption {
      font-weight: ${token('font-weight-strong')};
      margin-bottom: ${token('space-s')};
    }
    .bars {
      display: grid;
      gap: ${token('space-s')};
    }
    .bar-row {
      display: grid;
      grid-template-columns: minmax(5rem, 8rem) 1fr auto;
      align-items: center;
      gap: ${token('space-s')};
    }
    .bar-track {
      block-size: 0.875rem;
    }
    .bar-value {
      font-variant-numeric: tabular-nums;
      min-inline-size: 2.5ch;
      text-align: end;
    }
    @container (max-width: 22rem) {
      .bar-row {
        grid-template-columns: 1fr auto;
      }
      .bar-track {
        grid-column: 1 / -1;
        grid-row: 2;
      }
    }

    @media (forced-colors: active) {
      .rate-fill,
      .bar,
      .bar-resolved {
        background: CanvasText;
      }
      .bar {
        background: GrayText;
      }
    }
  `,
];
