/** One-shot timers as an injectable dependency, so room disposal can be tested without waiting. */

/** Starts and cancels one-shot timers. */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

/** Timers backed by setTimeout (unref'd: a pending disposal never keeps the process alive). */
export const realTimers: Timers = {
  set: (fn, ms) => setTimeout(fn, ms).unref(),
  clear: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** One re-armable one-shot timer: arming again replaces the pending run. */
export class OneShotTimer {
  private handle: unknown;

  constructor(private readonly timers: Timers) {}

  /** Runs `fn` after `ms`, cancelling any pending run. */
  arm(fn: () => void, ms: number): void {
    this.disarm();
    this.handle = this.timers.set(() => {
      this.handle = undefined;
      fn();
    }, ms);
  }

  /** Cancels the pending run, if any. */
  disarm(): void {
    if (this.handle !== undefined) this.timers.clear(this.handle);
    this.handle = undefined;
  }
}
