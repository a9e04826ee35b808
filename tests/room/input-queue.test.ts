import { describe, expect, it } from 'vitest';
import { InputQueue } from '../../game-server/room/input-queue.js';

const input = (seq: number) => ({ seq, keys: seq % 32, aim: 0 });

describe('InputQueue', () => {
  it('yields inputs in seq order, one per take', () => {
    const q = new InputQueue();
    for (const s of [1, 2, 3]) q.push(input(s));
    expect([q.take()?.seq, q.take()?.seq, q.take()?.seq, q.take()]).toEqual([1, 2, 3, undefined]);
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
    expect(q.take()?.seq).toBe(4);
  });
});
