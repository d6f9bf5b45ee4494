import { css } from 'lit';
import { widgetStyles } from '../shared/widget.styles.js';
import { token } from '../themes/styles.js';

export const canteenMenuStyles = [
  widgetStyles,
  css`
    /* A week needs room: the card takes the width it is given. */
    .body {
      display: grid;
      gap: ${token('space-m')};
      container-type: inline-size;
    }

    .canteen {
      display: grid;
      gap: 2px;
    }
    .canteen-name {
      margin: 0;
      font-size: ${token('font-size-large')};
    }
    .canteen-place {
      color: ${token('color-text-muted')};
    }
    .today-hours {
      font-weight: ${token('font-weight-strong')};
    }
    .field--inline {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${token('space-s')};
    }
    .control--narrow {
      width: auto;
      max-width: 100%;
    }
    .subsidy p {
      margin: 0;
    }
    .week-note {
      font-weight: ${token('font-weight-strong')};
    }

    .week-nav {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: ${token('space-s')} ${token('space-m')};
    }
    .week-label {
      font-weight: ${token('font-weight-strong')};
      font-size: ${token('font-size-large')};
    }
    @container (min-width: 36em) {
      .week-label {
        order: -1;
        flex-basis: 100%;
      }
    }

    .filter-options {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(9em, 1fr));
      gap: ${token('space-s')};
    }
    .choice--check {
      align-items: center;
    }
    .choice--check input {
      margin-top: 0;
    }
    .filter-count {
      margin-top: ${token('space-s')};
      font-weight: ${token('font-weight-strong')};
    }

    /*
     * Narrow (a phone, a side column): one day under another, today first and the days already past at
     * the end. The reading order in the page stays Monday to Sunday; only the narrow view moves past days
     * down, so a resident sees today without scrolling past the week gone by.
     */
    .days {
      display: grid;
      gap: ${token('space-m')};
    }
    .day--past {
      order: 1;
    }
    @container (min-width: 36em) {
      .days {
        grid-template-columns: repeat(auto-fill, minmax(16em, 1fr));
      }
      .day--past {
        order: 0;
      }
    }
    @container (min-width: 84em) {
      .days {
        grid-template-columns: repeat(7, minmax(0, 1fr));
      }
    }

    .day {
      display: grid;
      align-content: start;
      gap: ${token('space-s')};
      padding: ${token('space-m')};
      border: 1px solid ${token('color-border-subtle')};
      border-radius: ${token('radius-s')};
      background: ${token('color-background')};
    }
    .day--today {
      border: 2px solid ${token('color-primary')};
      box-shadow: ${token('shadow')};
    }
    .day-heading {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      gap: ${token('space-xs')} ${token('space-s')};
      margin: 0;
      font-size: ${token('font-size-large')};
    }
    .day-heading .date {
      font-weight: 400;
      font-size: ${token('font-size-body')};
      color: ${token('color-text-muted')};
    }
    .today {
      padding: 0 ${token('space-s')};
      border-radius: 999px;
      font-size: ${token('font-size-small')};
      color: ${token('color-on-primary')};
      background: ${token('color-primary')};
    }
    .closed {
      color: ${token('color-text-muted')};
    }
    .meal {
      display: grid;
      gap: ${token('space-xs')};
      padding-top: ${token('space-s')};
      border-top: 1px solid ${token('color-border-subtle')};
    }
    .meal-heading {
      margin: 0;
      font-size: ${token('font-size-body')};
    }
    .hours {
      font-weight: 400;
      color: ${token('color-text-muted')};
      white-space: nowrap;
    }
    .dishes {
      display: grid;
      gap: ${token('space-s')};
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .dish {
      display: grid;
      gap: 2px;
    }
    .dish-name {
      font-weight: ${token('font-weight-strong')};
    }
    .tags {
      display: flex;
      flex-wrap: wrap;
      gap: ${token('space-xs')};
    }
    .tag {
      padding: 0 ${token('space-s')};
      border: 1px solid ${token('color-border')};
      border-radius: 999px;
      font-size: ${token('font-size-small')};
      color: ${token('color-text')};
      background: ${token('color-surface')};
    }
    .prices {
      display: flex;
      flex-wrap: wrap;
      gap: 0 ${token('space-s')};
      font-size: ${token('font-size-small')};
    }
    .price {
      color: ${token('color-text-muted')};
    }
    .elder-price {
      color: ${token('color-success')};
      font-weight: ${token('font-weight-strong')};
    }
    .subsidy {
      font-weight: 400;
    }

    @media (forced-colors: active) {
      .day,
      .tag,
      .today {
        border: 1px solid CanvasText;
      }
      .day--today {
        border: 3px solid Highlight;
      }
    }
  `,
];
