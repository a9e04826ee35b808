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
