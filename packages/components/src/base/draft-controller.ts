import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface DraftOptions {
  /**
   * Names the draft, e.g. `request-form` or `eldercare-signup:c-1`. Two widgets with the same key on one
   * origin share a draft, so include whatever makes a form distinct (the widget, its scope).
   */
  key: string;
  /** Bump when the saved shape changes: an older draft is then ignored rather than misread. */
  version?: number;
  /** Milliseconds to wait after the last change before writing (default 400). */
  debounceMs?: number;
  /** Drafts older than this are dropped (default 30 days). */
  maxAgeMs?: number;
}

interface Stored<T> {
  version: number;
  savedAt: number;
  value: T;
}

const PREFIX = 'doorstep:draft:';

/**
 * Keeps what a resident typed in `localStorage`, so a reload, a closed tab or a crashed browser loses
 * nothing: {@link save} on every change (written after a short pause, and at once when the page is
 * hidden or the widget leaves it), {@link restore} when the form opens, {@link clear} once it is sent.
 * Storage that is full, disabled or private fails quietly: the form works, it just cannot remember.
 * Only what the form passes to `save` is stored — leave out anything that must not stay on the device.
 */
export class DraftController<T> implements ReactiveController {
  private pending: { value: T } | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: DraftOptions,
  ) {
    host.addController(this);
  }

  private get storageKey(): string {
    return PREFIX + this.options.key;
  }

  /** The saved draft, if there is a current one. */
  restore(): T | undefined {
    try {
      const raw = localStorage.getItem(this.storageKey);
      if (!raw) return undefined;
      const stored = JSON.parse(raw) as Stored<T>;
      const maxAge = this.options.maxAgeMs ?? 30 * 24 * 3600 * 1000;
      if (stored.version !== (this.options.version ?? 1) || Date.now() - stored.savedAt > maxAge) {
        localStorage.removeItem(this.storageKey);
        return undefined;
      }
      return stored.value;
    } catch {
      return undefined;
    }
  }

  /** Remembers `value` (written after a short pause; the latest value wins). */
  save(value: T): void {
    this.pending = { value };
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.options.debounceMs ?? 400);
  }

  /** Writes a pending save now. */
  flush(): void {
    clearTimeout(this.timer);
    const pending = this.pending;
    this.pending = undefined;
    if (!pending) return;
    const stored: Stored<T> = { version: this.options.version ?? 1, savedAt: Date.now(), value: pending.value };
    try {
      localStorage.setItem(this.storageKey, JSON.stringify(stored));
    } catch {
      // Full, disabled or private storage: nothing to do but carry on without a draft.
    }
  }

  /** Forgets the draft (after a successful submit, or when the resident starts over). */
  clear(): void {
    clearTimeout(this.timer);
    this.pending = undefined;
    try {
      localStorage.removeItem(this.storageKey);
    } catch {
      // As in flush.
    }
  }

  hostConnected(): void {
    addEventListener('pagehide', this.onLeave);
    document.addEventListener('visibilitychange', this.onLeave);
  }

  hostDisconnected(): void {
    removeEventListener('pagehide', this.onLeave);
    document.removeEventListener('visibilitychange', this.onLeave);
    this.flush();
  }

  // Leaving or hiding the page may be the last chance to write: mobile browsers kill hidden tabs.
  private readonly onLeave = (): void => this.flush();
}
