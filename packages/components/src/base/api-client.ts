import { createClient, type DoorstepClient, type Locale } from '@doorstep/sdk';

/** `<meta name="doorstep:api-base" content="https://…">`: the page-wide API address. */
export const API_BASE_META = 'doorstep:api-base';

export function pageApiBase(): string | undefined {
  return document.querySelector<HTMLMetaElement>(`meta[name="${API_BASE_META}"]`)?.content.trim() || undefined;
}

/**
 * Makes the client for an element's `api-base` (or the page's meta default) and keeps it while the
 * address and locale stay the same, so a re-render does not make a new client.
 */
export function ownClientCache() {
  let cached: { key: string; client: DoorstepClient } | undefined;
  return (apiBase: string | undefined, locale: Locale | undefined): DoorstepClient | undefined => {
    const baseUrl = apiBase?.trim() || pageApiBase();
    if (!baseUrl) return undefined;
    const key = `${baseUrl}\n${locale ?? ''}`;
    if (cached?.key !== key) cached = { key, client: createClient({ baseUrl, ...(locale ? { locale } : {}) }) };
    return cached.client;
  };
}
