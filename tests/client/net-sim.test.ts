import { describe, expect, it } from 'vitest';
import { AdaptiveDelay } from '../../game-client/net/interp-delay.js';
import { LinkSim, type LinkSimOptions } from '../../game-client/net/link-sim.js';
import { parseNetConditions } from '../../game-client/net/net-conditions.js';
import { createRandom } from '../../game-server/sim/rng.js';
import { createFakeTimers } from '../helpers/fake-timers.js';

/** A LinkSim on fake timers: no delay, jitter, cap or stalls unless `overrides` set them. */
function link(overrides: Partial<LinkSimOptions> = {}) {
  const time = createFakeTimers();
  const sim = new LinkSim({
    delayMs: 0,
    jitterMs: 0,
    kbps: 0,
    burstEveryMs: 0,
    burstMs: 0,
    now: time.now,
    schedule: time.schedule,
    ...overrides,
  });
  return { time, sim };
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
    const { time, sim } = link({ delayMs: 75, jitterMs: 30, random: createRandom(1) });
    const got: { i: number; at: number }[] = [];
    for (let i = 0; i < 200; i++) {
      time.advanceTo(i * 5);
      sim.send(100, () => got.push({ i, at: time.now() }));
    }
    time.advanceTo(10_000);
    expect(got.map((g) => g.i)).toEqual([...Array(200).keys()]);
    for (const g of got) {
      expect(g.at - g.i * 5).toBeGreaterThanOrEqual(75);
      expect(g.at - g.i * 5).toBeLessThanOrEqual(75 + 30 + 5);
    }
  });

  it('caps bandwidth: 10 kB at 80 kbit/s take one second', () => {
    const { time, sim } = link({ kbps: 80 });
    let last = 0;
    for (let i = 0; i < 10; i++) sim.send(1000, () => (last = time.now()));
    time.advanceTo(5000);
    expect(last).toBeCloseTo(1000, 6);
  });

  it('stalls in bursts and then releases everything at once', () => {
    const { time, sim } = link({ burstEveryMs: 500, burstMs: 200, random: createRandom(7) });
    const arrivals: number[] = [];
    for (let i = 0; i < 300; i++) {
      time.advanceTo(i * 10);
      sim.send(10, () => arrivals.push(time.now() - i * 10));
    }
    time.advanceTo(100_000);
    expect(sim.stalled).toBeGreaterThan(20);
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
