import { describe, expect, it } from 'vitest';
import { InputQueue } from '../../game-server/room/input-queue.js';

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

  it('never skips inputs that arrive evenly (one per tick, or one in reserve)', () => {
    const q = new InputQueue();
    q.push(input(1));
    const applied: number[] = [];
    for (let s = 2; s <= 50; s++) {
      q.push(input(s));
      applied.push(q.take()!.seq);
    }
    expect(applied).toEqual(Array.from({ length: 49 }, (_, i) => i + 1));
    expect(q.late).toBe(0);
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
