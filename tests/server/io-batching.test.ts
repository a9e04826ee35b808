import { describe, expect, it } from 'vitest';
import { createIoBatching, IO_BATCH_GUARD_MS } from '../../game-server/net/io-batching.js';

/** A batcher on a fake clock: sleeps advance the clock, deferred slices run when `turn()` is called. */
function harness(sliceMs: number, dueAt: number) {
  let t = 0;
  let active = true;
  let due = dueAt;
  const sleeps: number[] = [];
  const deferred: (() => void)[] = [];
  const batching = createIoBatching({
    sliceMs,
    active: () => active,
    nextDueAt: () => due,
    now: () => t,
    sleep: (ms) => {
      sleeps.push(ms);
      t += ms;
    },
    defer: (fn) => deferred.push(fn),
  });
  /** One event-loop turn: runs the slices deferred so far; returns how many ran. */
  const turn = (): number => {
    const fns = deferred.splice(0);
    for (const fn of fns) fn();
    return fns.length;
  };
  const drain = (): void => {
    for (let i = 0; i < 1000 && turn() > 0; i++);
  };
  return {
    batching,
    sleeps,
    turn,
    drain,
    deferred,
    setActive: (v: boolean) => {
      active = v;
    },
    setDue: (v: number) => {
      due = v;
    },
    now: () => t,
  };
}

describe('input batching', () => {
  it('sleeps in slices up to the guard before the next pass, never into it, then waits for the pass', () => {
    const h = harness(2, 33.3);
    h.batching.resume();
    h.drain();
    const total = h.sleeps.reduce((a, b) => a + b, 0);
    expect(Math.max(...h.sleeps)).toBe(2);
    // 32.3 ms of room: 16 slices of 2 ms and the 0.3 ms rest.
    expect(h.sleeps).toHaveLength(17);
    expect(h.sleeps.at(-1)).toBeCloseTo(0.3, 9);
    expect(total).toBeCloseTo(33.3 - IO_BATCH_GUARD_MS, 9);
    expect(h.now()).toBeLessThanOrEqual(33.3 - IO_BATCH_GUARD_MS + 1e-9);
    expect(h.batching.slices).toBe(17);
    // Nothing is deferred any more: the loop blocks until the pass's timer, as without batching.
    expect(h.deferred).toHaveLength(0);
  });

  it('each slice lets the event loop poll (one slice per turn)', () => {
    const h = harness(2, 33.3);
    h.batching.resume();
    expect(h.turn()).toBe(1);
    expect(h.sleeps).toEqual([2]);
    expect(h.turn()).toBe(1);
    expect(h.sleeps).toEqual([2, 2]);
  });

  it('starts again when resumed after a pass, and never twice at once', () => {
    const h = harness(4, 10);
    h.batching.resume();
    h.batching.resume();
    expect(h.deferred).toHaveLength(1);
    h.drain();
    expect(h.now()).toBeCloseTo(9, 9);
    h.setDue(43.3);
    h.batching.resume();
    h.drain();
    expect(h.now()).toBeCloseTo(42.3, 9);
  });

  it('does not sleep when the pass is within the guard or a slice would be too short to pay', () => {
    const h = harness(2, IO_BATCH_GUARD_MS + 0.1);
    h.batching.resume();
    h.drain();
    expect(h.sleeps).toEqual([]);
  });

  it('stays off while inactive (few sockets) and stops for good on stop()', () => {
    const h = harness(2, 33.3);
    h.setActive(false);
    h.batching.resume();
    expect(h.deferred).toHaveLength(0);
    h.setActive(true);
    h.batching.resume();
    h.turn();
    h.setActive(false);
    h.drain();
    expect(h.sleeps).toEqual([2]);
    h.setActive(true);
    h.batching.stop();
    h.batching.resume();
    h.drain();
    expect(h.sleeps).toEqual([2]);
  });

  it('really blocks the thread for a slice by default (Atomics.wait)', () => {
    const runs: (() => void)[] = [];
    const b = createIoBatching({
      sliceMs: 5,
      active: () => true,
      nextDueAt: () => performance.now() + 1000,
      now: () => performance.now(),
      defer: (fn) => runs.push(fn),
    });
    b.resume();
    const t0 = performance.now();
    runs.shift()?.();
    expect(b.slices).toBe(1);
    // A wait never returns early (nothing notifies its cell); the upper end is left to the OS.
    expect(performance.now() - t0).toBeGreaterThanOrEqual(4.9);
  });
});
