import { createContext } from '@lit/context';
import type { Locale } from '@doorstep/sdk';
import type { ClientSource } from './api-client.js';

// String keys, not Symbol(): two copies of the library on one page must find each other's providers.

/**
 * What a `<ds-provider>` hands to the widgets inside it: a client from `createClient`, or just a
 * transport (`{ transport }`) over which each widget makes the resources it uses.
 */
export const clientContext = createContext<ClientSource | undefined>('doorstep:client');

/** The locale a `<ds-provider locale="…">` sets for the widgets inside it. */
export const localeContext = createContext<Locale | undefined>('doorstep:locale');
