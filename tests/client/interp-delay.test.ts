import { describe, expect, it } from 'vitest';
import { AdaptiveDelay } from '../../game-client/net/interp-delay.js';

const INTERVAL_MS = 1000 / 30;
const ONE_WAY_MS = 75;

describe('AdaptiveDelay and the clock estimate', () => {
  it('follows a change of the clock offset at once instead of keeping lateness measured with the old one', () => {
    // Snapshots stamped on the server clock arrive ONE_WAY_MS + 0..10 ms later, on a client clock
    // that reads 5000 ms less. Until the first Pong the offset is seeded one way (75 ms short).
    const d = new AdaptiveDelay({ snapshotIntervalMs: INTERVAL_MS });
    const clientOf = (serverMs: number) => serverMs - 5000;
    const seeded = 5000 - ONE_WAY_MS;
    let t = 10_000;
    for (let i = 0; i < 60; i++, t += INTERVAL_MS) {
      d.onSnapshot(t, clientOf(t + ONE_WAY_MS + ((i * 7) % 11)));
      d.update(INTERVAL_MS, seeded);
    }
    const before = d.targetMs;
    expect(before).toBeLessThan(INTERVAL_MS + 40);
    // The Pong corrects the offset by the one-way delay: the target moves with it immediately.
    d.update(INTERVAL_MS, 5000);
    expect(d.targetMs - before).toBeCloseTo(ONE_WAY_MS, 0);
    expect(d.targetMs).toBeGreaterThan(INTERVAL_MS + ONE_WAY_MS);
    expect(d.targetMs).toBeLessThan(INTERVAL_MS + ONE_WAY_MS + 3 * 11);
  });

  it('lets the underrun boost fade with its half-life', () => {
    const d = new AdaptiveDelay({ snapshotIntervalMs: INTERVAL_MS, boostHalfLifeMs: 1000 });
    for (let i = 0; i < 30; i++) d.onSnapshot(i * INTERVAL_MS, i * INTERVAL_MS);
    const base = d.targetMs; // the lower bound: interval + 10 ms
    for (let i = 0; i < 6; i++) d.onUnderrun();
    expect(d.targetMs).toBeCloseTo(INTERVAL_MS + 3 * INTERVAL_MS, 6);
    for (let i = 0; i < 10; i++) d.update(100);
    expect(d.targetMs).toBeCloseTo(INTERVAL_MS + 1.5 * INTERVAL_MS, 6);
    for (let i = 0; i < 100; i++) d.update(100);
    expect(d.targetMs).toBe(base);
  });
});
