/** The `lang` of the closest element that has one, walking up through shadow roots to their hosts. */
export function closestLang(start: Element): string | null {
  let node: Node | null = start;
  while (node) {
    if (node instanceof Element) {
      const lang = node.getAttribute('lang');
      if (lang) return lang;
    }
    node = node instanceof ShadowRoot ? node.host : node.parentNode;
  }
  return null;
}

// One observer for the whole page: any `lang` change in the light DOM re-resolves every widget.
const listeners = new Set<() => void>();
let observer: MutationObserver | undefined;

/** Calls `onChange` whenever a `lang` attribute changes anywhere in the document; returns the unsubscribe. */
export function watchLang(onChange: () => void): () => void {
  listeners.add(onChange);
  if (!observer) {
    observer = new MutationObserver(() => listeners.forEach((listener) => listener()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  return () => {
    listeners.delete(onChange);
    if (listeners.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  };
}
