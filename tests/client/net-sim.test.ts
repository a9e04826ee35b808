import { describe, expect, it } from 'vitest';
import { AdaptiveDelay } from '../../game-client/net/interp-delay.js';
import { LinkSim } from '../../game-client/net/link-sim.js';
import { parseNetConditions } from '../../game-client/net/net-conditions.js';
import { createRandom } from '../../game-server/sim/rng.js';

/** A fake clock with a timer queue, driven by the test. */
function fakeTime() {
  let t = 0;
  const timers: { at: number; fn: () => void }[] = [];
  return {
    now: () => t,
    schedule: (fn: () => void, ms: number) => void timers.push({ at: t + ms, fn }),
    advance(to: number) {
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const next = timers[0];
        if (!next || next.at > to) break;
        timers.shift();
        t = next.at;
        next.fn();
      }
      t = to;
    },
  };
}

describe('net conditions', () => {
  it('parses the ?net= spec and ignores garbage', () => {
    expect(
      parseNetConditions('delay:150,jitter:30,up:64,down:512,burst:3000,burstms:250,x:1,delay2:'),
    ).toEqual({
      delayMs: 150,
      jitterMs: 30,
      upKbps: 64,
      downKbps: 512,
      burstEveryMs: 3000,
      burstMs: 250,
    });
    expect(parseNetConditions('')).toBeNull();
    expect(parseNetConditions('nonsense')).toBeNull();
    expect(parseNetConditions('delay:-5')?.delayMs).toBe(0);
  });
});

describe('LinkSim', () => {
  it('adds delay and jitter without reordering', () => {
    const time = fakeTime();
    const link = new LinkSim({
      delayMs: 75,
      jitterMs: 30,
      kbps: 0,
      burstEveryMs: 0,
      burstMs: 0,
      ...time,
      random: createRandom(1),
    });
    const got: { i: number; at: number }[] = [];
    for (let i = 0; i < 200; i++) {
      time.advance(i * 5);
      link.send(100, () => got.push({ i, at: time.now() }));
    }
    time.advance(10_000);
    expect(got.map((g) => g.i)).toEqual([...Array(200).keys()]);
    for (const g of got) {
      expect(g.at - g.i * 5).toBeGreaterThanOrEqual(75);
      expect(g.at - g.i * 5).toBeLessThanOrEqual(75 + 30 + 5);
    }
  });

  it('caps bandwidth: 10 kB at 80 kbit/s take one second', () => {
    const time = fakeTime();
    const link = new LinkSim({ delayMs: 0, jitterMs: 0, kbps: 80, burstEveryMs: 0, burstMs: 0, ...time });
    let last = 0;
    for (let i = 0; i < 10; i++) link.send(1000, () => (last = time.now()));
    time.advance(5000);
    expect(last).toBeCloseTo(1000, 6);
  });

  it('stalls in bursts and then releases everything at once', () => {
    const time = fakeTime();
    const link = new LinkSim({
      delayMs: 0,
      jitterMs: 0,
      kbps: 0,
      burstEveryMs: 500,
      burstMs: 200,
      ...time,
      random: createRandom(7),
    });
    const arrivals: number[] = [];
    for (let i = 0; i < 300; i++) {
      time.advance(i * 10);
      link.send(10, () => arrivals.push(time.now() - i * 10));
    }
    time.advance(100_000);
    expect(link.stalled).toBeGreaterThan(20);
    expect(Math.max(...arrivals)).toBeLessThanOrEqual(200);
    expect(arrivals.filter((a) => a === 0).length).toBeGreaterThan(100);
  });
});

describe('AdaptiveDelay', () => {
  it('settles near interval + k * jitter, grows fast on underruns and shrinks slowly', () => {
    const d = new AdaptiveDelay({ snapshotIntervalMs: 33.3 });
    const rnd = createRandom(3);
    for (let i = 0; i < 300; i++) {
      d.onSnapshot(i * 33.3, i * 33.3 + rnd() * 30);
      d.update(33.3);
    }
    const steady = d.delayMs;
    expect(steady).toBeGreaterThan(33.3 + 10);
    expect(steady).toBeLessThan(33.3 + 30 + 3 * 15);
    for (let i = 0; i < 4; i++) d.onUnderrun();
    d.update(100);
    expect(d.delayMs).toBeGreaterThan(steady + 40);
    const grown = d.delayMs;
    d.update(100);
    expect(grown - d.delayMs).toBeLessThanOrEqual(2 + 1e-9);
  });
});
