import { describe, expect, it } from 'vitest';
import { ServerClock } from '../../game-client/net/clock.js';

/** A deterministic PRNG for jitter. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('ServerClock', () => {
  it('estimates the offset from symmetric pings exactly', () => {
    const c = new ServerClock();
    const offset = 50_000;
    // Sent at 100 (client), reaches the server 20 ms later, back 20 ms after that.
    c.addPong(100, 100 + 20 + offset, 140);
    expect(c.offsetMs).toBe(offset);
    expect(c.rttMs).toBe(40);
    expect(c.serverNow(1000)).toBe(1000 + offset);
  });

  it('stays within a few ms under jitter and large outliers', () => {
    const c = new ServerClock();
    const offset = -123_456;
    const rand = rng(7);
    let t = 0;
    for (let i = 0; i < 40; i++) {
      t += 1000;
      const up = 15 + rand() * 10 + (i % 7 === 3 ? 400 : 0); // queued uplink spikes
      const down = 15 + rand() * 10 + (i % 11 === 5 ? 600 : 0); // and downlink spikes
      c.addPong(t, t + up + offset, t + up + down);
    }
    expect(Math.abs(c.offsetMs - offset)).toBeLessThan(6);
    expect(c.rttMs).toBeGreaterThan(30);
    expect(c.rttMs).toBeLessThan(60);
  });

  it('prefers the lowest-RTT samples', () => {
    const c = new ServerClock({ maxSamples: 5 });
    // Asymmetric slow samples would bias the offset by +100; the two fast ones are exact.
    c.addPong(0, 5 + 1000, 10);
    c.addPong(0, 300 + 1000, 400);
    c.addPong(0, 300 + 1000, 400);
    c.addPong(0, 5 + 1000, 10);
    c.addPong(0, 300 + 1000, 400);
    expect(c.offsetMs).toBe(1000);
  });

  it('is seeded from a one-way time until a pong arrives, and ignores nonsense', () => {
    const c = new ServerClock();
    expect(c.ready).toBe(false);
    c.seed(5000, 1000);
    expect(c.ready).toBe(true);
    expect(c.offsetMs).toBe(4000);
    c.addPong(2000, Number.NaN, 2010);
    c.addPong(2000, 9000, 1990);
    expect(c.offsetMs).toBe(4000);
  });
});

describe('ServerClock RTT', () => {
  it('is not inflated by Pongs that waited for a busy main thread', () => {
    const c = new ServerClock();
    const rand = rng(11);
    let t = 0;
    // A 2 ms network round trip; each Pong then waits 0..120 ms for the page's current frame to end.
    for (let i = 0; i < 15; i++) {
      t += 1000;
      c.addPong(t, t + 1, t + 2 + rand() * 120);
    }
    expect(c.rttMs).toBeLessThan(40);
    expect(c.jitterMs).toBeGreaterThan(10);
  });
});
