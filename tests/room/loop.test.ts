import { describe, expect, it } from 'vitest';
import { createLoop } from '../../game-server/room/loop.js';

/** A loop on a fake clock whose scheduled wake-ups are recorded instead of run. */
function harness(tickMs: number, maxCatchUp = 5) {
  let t = 1000;
  const delays: number[] = [];
  const tickTimes: number[] = [];
  const loop = createLoop({
    tickMs,
    maxCatchUp,
    now: () => t,
    onTick: () => tickTimes.push(t),
    schedule: (_fn, ms) => {
      delays.push(ms);
      return delays.length;
    },
    cancel: () => {},
  });
  return {
    loop,
    delays,
    tickTimes,
    set: (v: number) => {
      t = v;
    },
  };
}

describe('createLoop', () => {
  it('runs N ticks over N * tickMs even when every wake-up is late (drift-free)', () => {
    const h = harness(10);
    h.loop.start();
    // Each wake arrives 3 ms late; a naive setInterval-style loop would drift by 3 ms per tick.
    for (let k = 1; k <= 100; k++) {
      h.set(1000 + k * 10 + 3);
      expect(h.loop.wake()).toBe(1);
    }
    expect(h.loop.ticks).toBe(100);
    expect(h.loop.skipped).toBe(0);
    // The next wake is scheduled for the next boundary, 7 ms away, not tickMs after the late wake.
    expect(h.delays.at(-1)).toBe(7);
  });

  it('runs nothing when woken early and reschedules to the boundary', () => {
    const h = harness(10);
    h.loop.start();
    h.set(1004);
    expect(h.loop.wake()).toBe(0);
    expect(h.delays.at(-1)).toBe(6);
  });

  it('catches up when late, capped per wake, and counts skipped ticks', () => {
    const h = harness(10, 5);
    h.loop.start();
    h.set(1000 + 3 * 10); // three ticks due
    expect(h.loop.wake()).toBe(3);
    h.set(1000 + 33 * 10); // thirty more due: five run, the rest are skipped
    expect(h.loop.wake()).toBe(5);
    expect(h.loop.ticks).toBe(8);
    expect(h.loop.skipped).toBe(25);
    // Back on the grid: the next tick is due at the next boundary.
    h.set(1000 + 34 * 10);
    expect(h.loop.wake()).toBe(1);
  });

  it('ticks nothing after stop', () => {
    const h = harness(10);
    h.loop.start();
    h.loop.stop();
    h.set(2000);
    expect(h.loop.wake()).toBe(0);
    expect(h.loop.running).toBe(false);
  });

  it('ticks for real with setTimeout', async () => {
    const ticks: number[] = [];
    await new Promise<void>((resolve) => {
      const loop = createLoop({
        tickMs: 5,
        onTick: (n) => {
          ticks.push(n);
          if (n === 4) {
            loop.stop();
            resolve();
          }
        },
      });
      loop.start();
    });
    expect(ticks).toEqual([1, 2, 3, 4]);
  });
});
