/**
 * The frame and the waiting and failure notices that the form-like widgets share, drawn the same way
 * everywhere so their parts (and the styles of shared/card.styles.ts and control.styles.ts) mean one
 * thing in every widget:
 *
 * - `base`: the card, in the widget's language, `aria-busy` while it loads or sends;
 * - `header` with `title` (slot `heading`) and `intro` (slot `intro`);
 * - a polite live region (`.announcement`) for what the widget says without moving focus;
 * - `loading`: a spinner and a status line; `alert` (+ `retry-button`): what failed and a way to retry.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Locale } from '../locales/index.js';

export interface CardOptions {
  locale: Locale;
  busy: boolean;
  heading: string;
  /** Left out, the card has no intro line (and no `intro` slot). */
  intro?: string;
  /** Said by the live region. */
  announcement: string;
  /** More classes for the card (`card--staff`) and its header (`no-print`). */
  cardClass?: string;
  headerClass?: string;
}

export function renderCard(options: CardOptions, content: unknown): TemplateResult {
  const { locale, busy, heading, intro, announcement, cardClass, headerClass } = options;
  return html`<div part="base" class=${cardClass ? `card ${cardClass}` : 'card'} lang=${locale} aria-busy=${busy ? 'true' : 'false'}>
    <div part="header" class=${headerClass ? `header ${headerClass}` : 'header'}>
      <h2 part="title" class="title"><slot name="heading">${heading}</slot></h2>
      ${intro === undefined ? nothing : html`<p part="intro" class="intro"><slot name="intro">${intro}</slot></p>`}
    </div>
    ${content}
    <div class="visually-hidden announcement" aria-live="polite" aria-atomic="true">${announcement}</div>
  </div>`;
}

/** A spinner and `text`, announced politely. */
export function renderLoading(text: string): TemplateResult {
  return html`<div part="loading" class="loading" role="status">
    <span class="spinner" aria-hidden="true"></span><span>${text}</span>
  </div>`;
}

/** What failed, announced at once, with a button to try again when `retry` is given. */
export function renderAlert(message: string, retry?: { label: string; run: () => unknown }): TemplateResult {
  return html`<div part="alert" class="alert" role="alert">
    <p>${message}</p>
    ${retry
      ? html`<button part="button retry-button" class="button button--secondary" type="button" @click=${retry.run}>${retry.label}</button>`
      : nothing}
  </div>`;
}
