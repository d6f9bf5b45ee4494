import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface PollOptions {
  /** Milliseconds between polls while things go well (default 20 s). */
  intervalMs?: number;
  /** Longest wait after repeated failures (default 5 min); each failure doubles the wait up to this. */
  maxIntervalMs?: number;
  /**
   * One poll. Resolve when it worked (changed or not), reject when it failed: failures back off.
   * The signal aborts when the host leaves the page.
   */
  poll: (signal: AbortSignal) => Promise<unknown>;
}

/**
 * Keeps a widget current while it is on screen by polling — the one live-update mechanism every Doorstep
 * widget shares. Paired with the SDK's `callCached` (ETag / `If-None-Match`), an unchanged answer is a
 * tiny `304`. Polling, not server-sent events: it works through every proxy, CDN and CMS, holds no
 * connection open on a bad mobile network, and needs nothing from the server beyond ETags.
 *
 * - Polls only while the host is connected and the page is visible; when the page becomes visible again
 *   it polls at once (the resident is back and wants fresh figures).
 * - After a failure it waits twice as long, up to `maxIntervalMs`; a success restores the interval.
 * - Call {@link start} once the widget has something to follow (e.g. after the first load), {@link stop}
 *   to end it. The first poll happens one interval after `start`.
 */
export class PollController implements ReactiveController {
  private readonly intervalMs: number;
  private readonly maxIntervalMs: number;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private aborter: AbortController | undefined;
  private running = false;
  private connected = false;
  private delayMs: number;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: PollOptions,
  ) {
    this.intervalMs = options.intervalMs ?? 20_000;
    this.maxIntervalMs = options.maxIntervalMs ?? 300_000;
    this.delayMs = this.intervalMs;
    host.addController(this);
  }

  /** Whether polling is on (it may still be paused while the page is hidden). */
  get active(): boolean {
    return this.running;
  }

  start(): void {
    this.running = true;
    this.delayMs = this.intervalMs;
    this.schedule();
  }

  stop(): void {
    this.running = false;
    this.clear();
  }

  hostConnected(): void {
    this.connected = true;
    document.addEventListener('visibilitychange', this.onVisibility);
    this.schedule();
  }

  hostDisconnected(): void {
    this.connected = false;
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.clear();
  }

  private readonly onVisibility = (): void => {
    if (document.visibilityState === 'hidden') this.clear();
    else if (this.running && this.connected) void this.tick();
  };

  private clear(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.aborter?.abort();
    this.aborter = undefined;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    if (!this.running || !this.connected || document.visibilityState === 'hidden') return;
    this.timer = setTimeout(() => void this.tick(), this.delayMs);
  }

  private async tick(): Promise<void> {
    this.clear();
    const aborter = (this.aborter = new AbortController());
    try {
      await this.options.poll(aborter.signal);
      this.delayMs = this.intervalMs;
    } catch {
      if (aborter.signal.aborted) return;
      this.delayMs = Math.min(this.delayMs * 2, this.maxIntervalMs);
    }
    if (this.aborter === aborter) this.aborter = undefined;
    this.schedule();
  }
}
