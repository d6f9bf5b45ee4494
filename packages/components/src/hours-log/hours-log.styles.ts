import { css } from 'lit';
import { widgetStyles } from '../shared/widget.styles.js';
import { token } from '../themes/styles.js';

export const hoursLogStyles = [
  ...widgetStyles,
  css`
    :host {
      max-width: ${token('form-max-width')};
    }
    .card {
      container-type: inline-size;
    }
    /* The review queue is a working screen: it takes the width it is given. */
    :host([mode='staff']) {
      max-width: none;
    }
    @container (min-width: 28em) {
      .choices--columns {
        grid-template-columns: repeat(auto-fill, minmax(11em, 1fr));
      }
    }

    .me {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      justify-content: space-between;
      gap: ${token('space-xs')} ${token('space-m')};
      margin-bottom: ${token('space-m')};
    }
    .me-code {
      color: ${token('color-text-muted')};
      font-family: ${token('font-family-code')};
    }
    .totals {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(8.5rem, 1fr));
      gap: ${token('space-s')};
      margin: 0 0 ${token('space-l')};
    }
    .total {
      display: flex;
      flex-direction: column-reverse;
      padding: ${token('space-s')} ${token('space-m')};
      background: ${token('color-surface')};
      border-radius: ${token('radius-m')};
    }
    .total dt {
      color: ${token('color-text-muted')};
      font-size: ${token('font-size-small')};
    }
    .total dd {
      margin: 0;
      font-size: ${token('font-size-large')};
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }

    .tabs {
      display: flex;
      flex-wrap: wrap;
      gap: ${token('space-xs')};
      border-bottom: 2px solid ${token('color-border-subtle')};
      margin-bottom: ${token('space-l')};
    }
    .tab {
      min-height: ${token('target-size')};
      padding: ${token('space-s')} ${token('space-m')};
      font: inherit;
      font-weight: ${token('font-weight-strong')};
      color: ${token('color-text-muted')};
      background: none;
      border: 0;
      border-bottom: 4px solid transparent;
      margin-bottom: -2px;
      cursor: pointer;
    }
    .tab[aria-selected='true'] {
      color: ${token('color-primary')};
      border-bottom-color: ${token('color-primary')};
    }
    .tab:hover {
      color: ${token('color-text')};
    }
    .tab:focus-visible,
    .panel-body:focus-visible,
    .logged:focus-visible,
    .review-title:focus-visible,
    .certificate-title:focus-visible {
      outline: ${token('focus-ring-width')} solid ${token('color-focus')};
      outline-offset: 2px;
    }
    .logged:focus,
    .review-title:focus,
    .certificate-title:focus {
      outline: none;
    }

    .logged {
      margin-bottom: ${token('space-l')};
      padding: ${token('space-m')};
      border-left: 5px solid ${token('color-success')};
      border-radius: ${token('radius-s')};
      background: ${token('color-success-surface')};
    }
    .duration:empty {
      display: none;
    }
    .access-key-input {
      font-family: ${token('font-family-code')};
      letter-spacing: 0.06em;
      text-transform: uppercase;
    }
    .empty {
      color: ${token('color-text-muted')};
    }

    .history-entries,
    .review-list {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: ${token('space-s')};
    }
    .history-entry {
      display: grid;
      grid-template-columns: 1fr auto auto;
      align-items: center;
      gap: ${token('space-xs')} ${token('space-m')};
      padding: ${token('space-s')} 0;
      border-bottom: 1px solid ${token('color-border-subtle')};
    }
    .history-main {
      display: grid;
    }
    .history-date {
      font-weight: ${token('font-weight-strong')};
    }
    .history-hours {
      font-variant-numeric: tabular-nums;
    }
    .history-entry .reason {
      grid-column: 1 / -1;
    }
    @container (max-width: 26rem) {
      .history-entry {
        grid-template-columns: 1fr auto;
      }
    }
    .badge {
      display: inline-block;
      justify-self: start;
      margin: 0;
      padding: 2px ${token('space-s')};
      border-radius: 999px;
      border: 1px solid currentColor;
      font-size: ${token('font-size-small')};
      font-weight: ${token('font-weight-strong')};
      white-space: nowrap;
    }
    .badge--pending {
      color: ${token('color-text-muted')};
    }
    .badge--approved {
      color: ${token('color-success')};
    }
    .badge--rejected {
      color: ${token('color-danger')};
    }
    .reason {
      color: ${token('color-danger')};
      font-size: ${token('font-size-small')};
    }

    .toolbar {
      display: flex;
      flex-wrap: wrap;
      align-items: end;
      gap: ${token('space-m')};
      margin-bottom: ${token('space-l')};
    }
    .toolbar .field {
      min-width: 10rem;
    }
    .toolbar-actions,
    .review-actions {
      display: flex;
      flex-wrap: wrap;
      gap: ${token('space-s')};
    }
    .count {
      color: ${token('color-text-muted')};
      margin-bottom: ${token('space-s')};
    }
    .review-entry {
      display: grid;
      gap: ${token('space-s')};
      padding: ${token('space-m')};
      border: 1px solid ${token('color-border-subtle')};
      border-radius: ${token('radius-m')};
    }
    .review-title {
      margin: 0;
      font-size: ${token('font-size-large')};
    }
    .review-meta {
      color: ${token('color-text-muted')};
      font-size: ${token('font-size-small')};
    }
    .review-editor {
      display: grid;
      gap: ${token('space-m')};
      padding: ${token('space-m')};
      background: ${token('color-surface')};
      border-radius: ${token('radius-s')};
    }
    .history summary {
      min-height: ${token('target-size')};
      display: flex;
      align-items: center;
      cursor: pointer;
      color: ${token('color-primary')};
    }
    .history summary:focus-visible {
      outline: ${token('focus-ring-width')} solid ${token('color-focus')};
      outline-offset: 2px;
    }
    .history-list {
      margin: 0;
      padding-left: 1.25em;
      display: grid;
      gap: ${token('space-xs')};
      font-size: ${token('font-size-small')};
    }
    .history-when {
      color: ${token('color-text-muted')};
      margin-right: ${token('space-s')};
    }

    .certificate {
      margin-top: ${token('space-l')};
      padding: ${token('space-xl')} ${token('space-l')};
      border: 3px double ${token('color-border')};
      border-radius: ${token('radius-s')};
      background: ${token('color-background')};
    }
    .certificate-title {
      margin: 0 0 ${token('space-l')};
      text-align: center;
      font-size: ${token('font-size-title')};
      letter-spacing: 0.2em;
    }
    .certificate-body {
      text-indent: 2em;
      line-height: 1.9;
      margin-bottom: ${token('space-l')};
    }
    .certificate-table {
      inline-size: 100%;
      border-collapse: collapse;
      font-size: ${token('font-size-small')};
      font-variant-numeric: tabular-nums;
    }
    .certificate-table caption {
      text-align: start;
      font-weight: ${token('font-weight-strong')};
      margin-bottom: ${token('space-xs')};
    }
    .certificate-table th,
    .certificate-table td {
      padding: ${token('space-xs')} ${token('space-s')};
      border: 1px solid ${token('color-border-subtle')};
      text-align: start;
    }
    .certificate-table .number {
      text-align: end;
    }
    .certificate-footer {
      margin-top: ${token('space-l')};
      text-align: end;
      display: grid;
      gap: ${token('space-xs')};
    }
    .certificate-note {
      color: ${token('color-text-muted')};
      font-size: ${token('font-size-small')};
    }

    /* On paper only the certificate: no tabs, forms, totals or buttons; black on white; rows never split. */
    @media print {
      :host {
        max-width: none;
      }
      .no-print,
      .visually-hidden {
        display: none !important;
      }
      .card {
        border: 0;
        box-shadow: none;
        padding: 0;
        container-type: normal;
      }
      .panel-body {
        padding: 0;
      }
      .certificate {
        margin: 0;
        border: 3px double #000;
        color: #000;
        background: #fff;
        font-size: 12pt;
      }
      .certificate-table th,
      .certificate-table td {
        border-color: #000;
      }
      .certificate-table tr {
        break-inside: avoid;
      }
      .certificate-table thead {
        display: table-header-group;
      }
      .certificate-footer {
        break-inside: avoid;
      }
    }

    @media (forced-colors: active) {
      .tab[aria-selected='true'] {
        border-bottom-color: Highlight;
      }
      .badge,
      .review-entry,
      .certificate {
        border-color: CanvasText;
      }
    }
  `,
];
