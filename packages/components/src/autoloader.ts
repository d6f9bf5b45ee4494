/** For each tag, a function that loads the module defining it (a dynamic `import()`). */
export type TagLoaders = Readonly<Record<string, () => Promise<unknown>>>;

export interface Autoloader {
  /** The tags this copy loads (an earlier copy on the page keeps the ones it knows). */
  readonly tags: readonly string[];
  /**
   * Also watch `root`: a shadow root (or another document) the page's own components create. The
   * document is watched from the start; shadow roots cannot be seen from outside, so pass them here.
   */
  discover(root: ParentNode): void;
  /** Stops watching (tests; a page never needs to). */
  stop(): void;
}

// Symbol.for() is shared by every copy of the bundle on the page, so a second copy can find the first.
const CLAIMS = Symbol.for('doorstep.autoloader.claims');
type Claims = Map<string, string>;

/**
 * The drop-in bundle's engine: defines nothing up front; when one of `loaders`' tags is in the
 * document (now or later, also tags added by script), loads that widget's module once.
 *
 * Two copies on one page — the same or different versions — share the work through a page-wide
 * registry: each tag is loaded by the first copy that knows it, and a second version says so in the
 * console, naming both versions, instead of racing the first to `customElements.define`.
 *
 * `version` is the bundle's version, given by the build (importing `version.ts` here would pull that
 * module into a chunk every widget shares, and make doorstep.js a re-export of it). `preloads` lists,
 * per tag, the chunks its module imports (relative to `base`, the bundle's URL): they are fetched
 * together with it (`<link rel="modulepreload">`) rather than one after the other as imports are found.
 */
export function startAutoloader(
  loaders: TagLoaders,
  version: string,
  preloads: Readonly<Record<string, readonly string[]>> = {},
  base: string = document.baseURI,
): Autoloader {
  const scope = globalThis as typeof globalThis & { [CLAIMS]?: Claims };
  const claims = (scope[CLAIMS] ??= new Map());
  const mine = new Map<string, () => Promise<unknown>>();
  const otherVersions = new Set<string>();
  for (const [tag, load] of Object.entries(loaders)) {
    const owner = claims.get(tag);
    if (owner === undefined) {
      claims.set(tag, version);
      mine.set(tag, load);
    } else if (owner !== version) {
      otherVersions.add(owner);
    }
  }
  if (otherVersions.size > 0) {
    console.warn(
      `@doorstep/components: doorstep.js ${version} was loaded on a page that already runs doorstep.js ` +
        `${[...otherVersions].join(', ')}. Each tag is loaded by the copy that came first` +
        `${mine.size ? `; ${version} loads only ${[...mine.keys()].map((tag) => `<${tag}>`).join(', ')}` : ''}. ` +
        'Load one copy per page to avoid surprises.',
    );
  }

  const selector = [...mine.keys()].join(',');
  const requested = new Set<string>();
  const loaded = new Set<string>();
  const observers: MutationObserver[] = [];
  const preloaded = new Set<string>();
  const done = () => loaded.size === mine.size;
  const stopObserving = () => observers.splice(0).forEach((observer) => observer.disconnect());

  function load(tag: string): void {
    if (requested.has(tag)) return;
    requested.add(tag);
    const settle = () => {
      loaded.add(tag);
      // Every tag this copy knows is defined: nothing is left to watch for.
      if (done()) stopObserving();
    };
    if (customElements.get(tag)) return settle();
    preload(preloads[tag] ?? []);
    mine
      .get(tag)!()
      .then(settle, (error: unknown) => {
        // Forget it, so the next time the tag is added the module is asked for again (a flaky network).
        requested.delete(tag);
        console.error(`@doorstep/components: could not load <${tag}>.`, error);
      });
  }

  function preload(files: readonly string[]): void {
    for (const file of files) {
      const href = new URL(file, base).href;
      if (preloaded.has(href)) continue;
      preloaded.add(href);
      const link = Object.assign(document.createElement('link'), { rel: 'modulepreload', href });
      document.head.append(link);
    }
  }

  function scan(root: ParentNode): void {
    if (done()) return;
    if (root instanceof Element && mine.has(root.localName)) load(root.localName);
    for (const element of root.querySelectorAll(selector)) load(element.localName);
  }

  function discover(root: ParentNode): void {
    scan(root);
    if (done()) return;
    const observer = new MutationObserver((records) => {
      for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) scan(node);
    });
    observer.observe(root, { childList: true, subtree: true });
    observers.push(observer);
  }

  if (typeof document !== 'undefined') discover(document);

  return {
    tags: [...mine.keys()],
    discover,
    stop() {
      stopObserving();
      for (const tag of mine.keys()) if (claims.get(tag) === version) claims.delete(tag);
    },
  };
}
