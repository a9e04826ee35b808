/** A manual clock and one-shot timers for room and loop tests. */
import type { Timers } from '../../game-server/room/timers.js';

/** Fake timers driven by `advance`; `now` is their clock. */
export interface FakeTimers extends Timers {
  now(): number;
  /** Moves time forward, firing due timers in order. */
  advance(ms: number): void;
  /** Moves time forward to the absolute time `at` (no-op if already past), firing due timers in order. */
  advanceTo(at: number): void;
  /** `set` in the `(fn, ms) => void` shape of a plain scheduler (e.g. the client's LinkSim). */
  schedule(fn: () => void, ms: number): void;
  /** Timers not yet fired or cleared. */
  readonly pending: number;
}

/** Creates fake timers starting at `start` ms. */
export function createFakeTimers(start = 0): FakeTimers {
  let t = start;
  let nextId = 1;
  const due = new Map<number, { at: number; fn: () => void }>();
  const set = (fn: () => void, ms: number) => {
    const id = nextId++;
    due.set(id, { at: t + ms, fn });
    return id;
  };
  const advance = (ms: number) => {
    const end = t + ms;
    for (;;) {
      let first: [number, { at: number; fn: () => void }] | undefined;
      for (const e of due) if (e[1].at <= end && (!first || e[1].at < first[1].at)) first = e;
      if (!first) break;
      due.delete(first[0]);
      t = first[1].at;
      first[1].fn();
    }
    t = end;
  };
  return {
    now: () => t,
    set,
    clear(h) {
      due.delete(h as number);
    },
    advance,
    advanceTo: (at) => advance(Math.max(0, at - t)),
    schedule: (fn, ms) => void set(fn, ms),
    get pending() {
      return due.size;
    },
  };
}
