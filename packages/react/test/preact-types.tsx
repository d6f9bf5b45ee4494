/** @jsxImportSource preact */
// Type-checked only (never run): the Preact JSX types accept the tags with their attributes,
// properties and `onds-…` event props, and reject what the element does not have.
import type {} from '@doorstep/react/jsx-preact';

export const ok = (
  <ds-request-form api-base="/api" theme="elder" onds-error={(event) => console.info(event.detail.phase)} />
);

// @ts-expect-error — `theme` is 'default' | 'elder' | …, not any string.
export const wrongTheme = <ds-request-form theme="purple" />;
