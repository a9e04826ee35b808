/** A manual clock and one-shot timers for room and loop tests. */
import type { Timers } from '../../game-server/room/timers.js';

/** Fake timers driven by `advance`; `now` is their clock. */
export interface FakeTimers extends Timers {
  now(): number;
  /** Moves time forward, firing due timers in order. */
  advance(ms: number): void;
  /** Timers not yet fired or cleared. */
  readonly pending: number;
}

/** Creates fake timers starting at `start` ms. */
export function createFakeTimers(start = 0): FakeTimers {
  let t = start;
  let nextId = 1;
  const due = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => t,
    set(fn, ms) {
      const id = nextId++;
      due.set(id, { at: t + ms, fn });
      return id;
    },
    clear(h) {
      due.delete(h as number);
    },
    advance(ms) {
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
    },
    get pending() {
      return due.size;
    },
  };
}
