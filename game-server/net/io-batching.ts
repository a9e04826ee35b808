/**
 * Input batching: while many sockets are open, the main thread sleeps in short slices between tick
 * passes instead of waking up for every frame that arrives. The event loop then reads every socket
 * that became readable meanwhile in one poll, so the inputs of hundreds of clients cost one wake-up
 * a slice instead of one each (a wake-up is a context switch: on a VM the largest single cost of an
 * input). A slice never reaches into the guard before the next pass is due, so every input that
 * arrived before a tick is still applied by it; pings, joins and HTTP requests wait one slice at most.
 */

/** Below this many open sockets frames arrive too rarely for a slice to gather several. */
export const IO_BATCH_MIN_SOCKETS = 32;
/** No slice is started this close (ms) to the next pass: the loop then waits for it as usual. */
export const IO_BATCH_GUARD_MS = 1;
/** Shorter sleeps than this (ms) are not worth a wake-up. */
const MIN_SLICE_MS = 0.25;

/** What a batcher reads from the server. */
export interface IoBatchingOptions {
  /** Longest sleep in ms; the wait a ping or request may have on top of its network time. */
  readonly sliceMs: number;
  /** True while batching pays (enough sockets open). */
  readonly active: () => boolean;
  /** When the next tick pass is due, on `now`. */
  readonly nextDueAt: () => number;
  readonly now: () => number;
  /** Blocks the thread for `ms`. @default Atomics.wait on a private cell */
  readonly sleep?: (ms: number) => void;
  /** @default setImmediate */
  readonly defer?: (fn: () => void) => void;
}

/** A running batcher. */
export interface IoBatching {
  /** Starts slicing again if it stopped (call after every tick pass); a no-op while inactive. */
  resume(): void;
  stop(): void;
  /** Slices slept so far. */
  readonly slices: number;
}

function atomicsSleep(): (ms: number) => void {
  const cell = new Int32Array(new SharedArrayBuffer(4));
  return (ms) => {
    Atomics.wait(cell, 0, 0, ms);
  };
}

/** Creates a batcher; it sleeps its first slice once resume() finds it active. */
export function createIoBatching(opts: IoBatchingOptions): IoBatching {
  const sleep = opts.sleep ?? atomicsSleep();
  const defer = opts.defer ?? setImmediate;
  let pending = false;
  let stopped = false;
  let slices = 0;

  // Runs after the event loop's poll: sleep one slice, then let the next poll read what came in.
  const slice = (): void => {
    pending = false;
    if (stopped || !opts.active()) return;
    const room = opts.nextDueAt() - opts.now() - IO_BATCH_GUARD_MS;
    // Too close to the pass: the loop blocks until its timer as usual; the pass resumes slicing.
    if (room < MIN_SLICE_MS) return;
    sleep(Math.min(opts.sliceMs, room));
    slices++;
    pending = true;
    defer(slice);
  };

  return {
    resume() {
      if (pending || stopped || !opts.active()) return;
      pending = true;
      defer(slice);
    },
    stop() {
      stopped = true;
    },
    get slices() {
      return slices;
    },
  };
}
