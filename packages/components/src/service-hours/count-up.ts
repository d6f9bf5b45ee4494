import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Whether the person asked their system for less motion. */
export function prefersReducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/**
 * A number that counts up (or down) to its target over a short time, one animation frame at a time,
 * and jumps straight there when the person prefers reduced motion. Only {@link value} moves: whatever a
 * screen reader hears is the target, rendered separately, so no frame is ever announced.
 */
export class CountUpController implements ReactiveController {
  /** The number to show now. */
  value = 0;
  private target = 0;
  private frame: number | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly durationMs = 900,
  ) {
    host.addController(this);
  }

  /** Whether a count is under way. */
  get animating(): boolean {
    return this.frame !== undefined;
  }

  /** Moves {@link value} to `target`, from wherever it is now. */
  to(target: number): void {
    this.target = target;
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
    const from = this.value;
    if (from === target || prefersReducedMotion()) {
      this.value = target;
      this.host.requestUpdate();
      return;
    }
    const started = performance.now();
    const step = (now: number) => {
      const progress = Math.min(1, Math.max(0, (now - started) / this.durationMs));
      // Ease out: quick at first, settling gently on the final number.
      this.value = progress === 1 ? target : from + (target - from) * (1 - (1 - progress) ** 3);
      this.frame = progress === 1 ? undefined : requestAnimationFrame(step);
      this.host.requestUpdate();
    };
    this.frame = requestAnimationFrame(step);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    if (this.frame !== undefined) cancelAnimationFrame(this.frame);
    this.frame = undefined;
    this.value = this.target;
  }
}
