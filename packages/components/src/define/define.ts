import { VERSION } from '../version.js';

// Symbol.for() is shared by every copy of the library on the page, unlike Symbol().
const VERSION_KEY = Symbol.for('doorstep.components.version');

/**
 * A Doorstep tag that is declared in `HTMLElementTagNameMap`. Typing `define()` with it makes a define
 * module whose widget forgot its `declare global { interface HTMLElementTagNameMap … }` fail the
 * type-check, and checks that the class registered is the one the map promises.
 */
export type DoorstepTag = Extract<keyof HTMLElementTagNameMap, `ds-${string}`>;

/**
 * Registers `tag` unless it is taken. Never throws: a second copy of the library on the page (two
 * bundles, a CDN script plus an npm import) is expected. When the copies differ in version the console
 * says so, because the page then runs whichever loaded first.
 */
export function define<Tag extends DoorstepTag>(
  tag: Tag,
  ctor: new () => HTMLElementTagNameMap[Tag],
  version: string = VERSION,
): void {
  const registry = globalThis.customElements;
  if (!registry) return;
  const existing = registry.get(tag) as (CustomElementConstructor & { [VERSION_KEY]?: string }) | undefined;
  if (existing) {
    const existingVersion = existing[VERSION_KEY];
    if (existingVersion !== version) {
      console.warn(
        `@doorstep/components: <${tag}> is already defined by ${existingVersion ? `version ${existingVersion}` : 'other code'}; ` +
          `version ${version} was not registered. Load @doorstep/components once per page to avoid surprises.`,
      );
    }
    return;
  }
  try {
    registry.define(tag, ctor as CustomElementConstructor);
    Object.defineProperty(ctor, VERSION_KEY, { value: version, configurable: true });
  } catch (error) {
    console.warn(`@doorstep/components: could not define <${tag}>.`, error);
  }
}
