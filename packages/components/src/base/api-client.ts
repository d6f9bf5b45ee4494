import type { DoorstepClient } from '@doorstep/sdk';
import { createTransport, type Locale, type Transport } from '@doorstep/sdk/core';

/** `<meta name="doorstep:api-base" content="https://…">`: the page-wide API address. */
export const API_BASE_META = 'doorstep:api-base';

export function pageApiBase(): string | undefined {
  return document.querySelector<HTMLMetaElement>(`meta[name="${API_BASE_META}"]`)?.content.trim() || undefined;
}

/**
 * What a `<ds-provider>` hands down and a widget builds its client from: the SDK's transport (base URL,
 * token, retries), and — when the page gave a whole client from `createClient` — its resources.
 */
export interface ClientSource {
  readonly transport?: Transport;
  readonly [resource: string]: unknown;
}

/** One group of SDK operations over a transport, e.g. `requestsResource` from `@doorstep/sdk/resources/requests.js`. */
export type ResourceFactory = (transport: Transport) => object;
export type ResourceFactories = Readonly<Record<string, ResourceFactory>>;
/**
 * Every resource of `createClient`, as factories: the type a widget gets when it declares no resources
 * of its own (transitional — such a widget works only when the page hands a whole client down).
 */
export type AllResources = { readonly [Name in Exclude<keyof DoorstepClient, 'transport'>]: (transport: Transport) => DoorstepClient[Name] };
/** The client a widget gets for its {@link ResourceFactories}: `{ requests: …, areas: … }`. */
export type ClientOf<R extends ResourceFactories> = { readonly [Name in keyof R]: ReturnType<R[Name]> };

const sources = new Map<string, ClientSource>();

/**
 * The client source for an element's `api-base` (or the page's meta default) in `locale`: one per
 * address and locale for the whole page, so widgets configured alike share one transport, and with it
 * the SDK's shared reads and the caches keyed by resource (see {@link clientFor}). Only the transport is
 * made here: each widget adds the resources it uses, so a page with one widget never downloads the
 * schemas of the others.
 */
export function clientSourceFor(apiBase: string | undefined, locale: Locale | undefined): ClientSource | undefined {
  const baseUrl = apiBase?.trim() || pageApiBase();
  if (!baseUrl) return undefined;
  const key = `${baseUrl}\n${locale ?? ''}`;
  let source = sources.get(key);
  if (!source) sources.set(key, (source = { transport: createTransport({ baseUrl, ...(locale ? { locale } : {}) }) }));
  return source;
}

const resourcesBySource = new WeakMap<ClientSource, Map<ResourceFactory, object>>();
const clientsBySource = new WeakMap<ClientSource, WeakMap<ResourceFactories, object>>();

/**
 * A widget's client: for each of its resources, the one the source already has (a whole client given to
 * the provider, whose methods a test or an app may have wrapped), else one made over the source's
 * transport — once per source, so two widgets under one provider share e.g. one `areas` resource. The
 * same source and resources give the same object, so a widget can tell when its client changed.
 */
export function clientFor<R extends ResourceFactories>(source: ClientSource, resources: R): ClientOf<R> | undefined {
  let clients = clientsBySource.get(source);
  if (!clients) clientsBySource.set(source, (clients = new WeakMap()));
  let client = clients.get(resources);
  if (!client) {
    let made = resourcesBySource.get(source);
    if (!made) resourcesBySource.set(source, (made = new Map()));
    const entries: Array<[string, unknown]> = [];
    for (const [name, make] of Object.entries(resources)) {
      let resource = source[name] ?? made.get(make);
      if (resource === undefined && source.transport) made.set(make, (resource = make(source.transport)));
      if (resource === undefined) return undefined;
      entries.push([name, resource]);
    }
    clients.set(resources, (client = Object.fromEntries(entries) as object));
  }
  return client as ClientOf<R>;
}
