import { css } from 'lit';
import { themeHostStyles } from '../themes/styles.js';

export const providerStyles = [
  // `contents`: the provider adds no box of its own, only context and (inherited) design tokens.
  css`
    :host {
      display: contents;
    }
    :host([hidden]) {
      display: none;
    }
  `,
  themeHostStyles,
];
