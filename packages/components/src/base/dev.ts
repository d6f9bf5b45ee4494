/**
 * `true` in the development build (the `development` export condition, and the TypeScript sources);
 * the production build replaces this module with `export const DEV = false`, so every `if (DEV)`
 * branch — the console warnings that help while wiring a page up — drops out of what residents download.
 */
export const DEV: boolean = true;

const warned = new Set<string>();

/** `console.warn`, once per distinct message. Call it inside `if (DEV)` so production builds lose it. */
export function warnOnce(message: string, ...details: unknown[]): void {
  if (warned.has(message)) return;
  warned.add(message);
  console.warn(`@doorstep/components: ${message}`, ...details);
}
