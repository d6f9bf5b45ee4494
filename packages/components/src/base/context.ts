import { createContext } from '@lit/context';
import type { DoorstepClient, Locale } from '@doorstep/sdk';

// String keys, not Symbol(): two copies of the library on one page must find each other's providers.

/** The SDK client a `<ds-provider>` hands to the widgets inside it. */
export const clientContext = createContext<DoorstepClient | undefined>('doorstep:client');

/** The locale a `<ds-provider locale="…">` sets for the widgets inside it. */
export const localeContext = createContext<Locale | undefined>('doorstep:locale');
