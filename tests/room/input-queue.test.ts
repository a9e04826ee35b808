import { describe, expect, it } from 'vitest';
import { InputQueue, MAX_BACKLOG, STANDING_QUEUE_TICKS } from '../../game-server/room/input-queue.js';
import { createRandom } from '../../game-server/sim/rng.js';
import { Key } from '../../protocol/index.js';

const input = (seq: number) => ({ seq, keys: seq % 32, aim: 0 });

describe('InputQueue', () => {
  it('yields inputs in seq order, one per take', () => {
    const q = new InputQueue();
    for (const s of [1, 2]) q.push(input(s));
    expect([q.take()?.seq, q.take()?.seq, q.take()]).toEqual([1, 2, undefined]);
  });

  it('drops duplicates and seqs not newer than the last applied or queued', () => {
    const q = new InputQueue();
    expect(q.push(input(5))).toBe(true);
    expect(q.push(input(5))).toBe(false);
    expect(q.push(input(4))).toBe(false);
    expect(q.take()?.seq).toBe(5);
    expect(q.push(input(5))).toBe(false);
    expect(q.push(input(3))).toBe(false);
    expect(q.push(input(6))).toBe(true);
    expect(q.dropped).toBe(4);
  });

  it('keeps at most cap inputs, dropping the oldest', () => {
    const q = new InputQueue(8);
    for (let s = 1; s <= 11; s++) q.push(input(s));
    expect(q.length).toBe(8);
    expect(q.dropped).toBe(3);
    expect(q.length).toBe(8);
  });

  it('sheds a backlog: at most two wait per tick, the skipped count as late, their fire is merged', () => {
    const counters = { inputsDropped: 0, inputsLate: 0 };
    const q = new InputQueue(8, counters);
    q.push({ seq: 1, keys: 16, aim: 0 });
    for (const s of [2, 3, 4]) q.push({ seq: s, keys: 8, aim: 0 });
    const first = q.take();
    expect(first?.seq).toBe(3);
    expect(first?.keys).toBe(8 | 16);
    expect(q.take()?.seq).toBe(4);
    expect(q.late).toBe(2);
    expect(counters.inputsLate).toBe(2);
  });

  it('never skips inputs that arrive evenly (one per tick)', () => {
    const q = new InputQueue();
    const applied: number[] = [];
    for (let s = 1; s <= 200; s++) {
      q.push(input(s));
      applied.push(q.take()!.seq);
    }
    expect(applied).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(q.late).toBe(0);
  });

  it('drains a standing queue of one after STANDING_QUEUE_TICKS takes, skipping exactly one input', () => {
    const q = new InputQueue();
    q.push({ seq: 1, keys: Key.Fire, aim: 0 });
    const applied: number[] = [];
    for (let s = 2; s <= 50; s++) {
      q.push(input(s));
      applied.push(q.take()!.seq);
    }
    // Takes 1..K leave one waiting; take K+1 skips seq K+1 (its fire merged into K+2); then none wait.
    const k = STANDING_QUEUE_TICKS;
    expect(applied.slice(0, k)).toEqual(Array.from({ length: k }, (_, i) => i + 1));
    expect(applied[k]).toBe(k + 2);
    expect(applied.at(-1)).toBe(50);
    expect(q.late).toBe(1);
    expect(q.length).toBe(0);
  });

  it('merges the fire press of an input skipped to drain a standing queue', () => {
    const q = new InputQueue(8, undefined, MAX_BACKLOG, 1);
    q.push(input(1));
    q.push({ seq: 2, keys: Key.Fire | Key.Up, aim: 0 });
    expect(q.take()?.seq).toBe(1);
    q.push({ seq: 3, keys: Key.Up, aim: 0 });
    const next = q.take();
    expect(next?.seq).toBe(3);
    expect(next?.keys).toBe(Key.Up | Key.Fire);
  });

  it('under jittered arrivals at the tick rate, an input never waits through more than K takes in a row', () => {
    const rng = createRandom(7);
    for (const phase of [0.02, 0.5, 0.98]) {
      const q = new InputQueue();
      // Input s arrives at (s + phase + jitter) ticks, jitter up to +-0.1 tick plus rare 1.5-tick stalls.
      const arrivals: number[] = [];
      for (let s = 1; s <= 3000; s++) {
        const stall = rng() < 0.01 ? 1.5 : 0;
        arrivals.push(s + phase + (rng() - 0.5) * 0.2 + stall);
      }
      let next = 0;
      let worst = 0;
      let lastSeq = 0;
      for (let tick = 1; tick <= 3100; tick++) {
        while (next < arrivals.length && (arrivals[next] as number) < tick) q.push(input(++next));
        const taken = q.take();
        if (taken) {
          expect(taken.seq).toBeGreaterThan(lastSeq);
          lastSeq = taken.seq;
        }
        worst = Math.max(worst, q.standingTakes);
      }
      expect(worst).toBeLessThanOrEqual(STANDING_QUEUE_TICKS);
      expect(lastSeq).toBe(3000);
      // Skips stay rare: a few per hundred inputs even at the tick boundary.
      expect(q.late).toBeLessThan(3000 * 0.2);
    }
  });

  it('with no jitter at any phase, never skips and leaves nothing waiting', () => {
    for (const phase of [0, 0.001, 0.5, 0.999]) {
      const q = new InputQueue();
      let next = 0;
      for (let tick = 1; tick <= 300; tick++) {
        while (next < 300 && next + 1 + phase < tick) q.push(input(++next));
        q.take();
        expect(q.length).toBe(0);
      }
      expect(q.late).toBe(0);
    }
  });

  it('refuses seqs from the future', () => {
    const counters = { inputsDropped: 0, inputsLate: 0 };
    const q = new InputQueue(8, counters);
    expect(q.push(input(1000))).toBe(false);
    expect(q.push(input(1))).toBe(true);
    expect(q.take()?.seq).toBe(1);
    expect(q.push(input(1 + 8 + 64 + 1))).toBe(false);
    expect(q.push(input(2))).toBe(true);
    expect(counters.inputsDropped).toBe(2);
  });
});
