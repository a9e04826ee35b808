import { describe, expect, it } from 'vitest';
import { BaselineRing } from '../../protocol/index.js';

const state = (tick: number) => ({ tick });

describe('baseline ring', () => {
  it('holds a state by its exact tick; a newer tick in the same slot replaces it', () => {
    const ring = new BaselineRing<{ tick: number }>(4);
    const s1 = state(1);
    ring.put(s1);
    expect(ring.get(1)).toBe(s1);
    ring.put(state(5));
    expect(ring.get(1)).toBeUndefined();
    expect(ring.get(5)?.tick).toBe(5);
    expect(ring.get(0)).toBeUndefined();
  });

  it('reports every state it lets go of, once: overwritten, forgotten, cleared', () => {
    const evicted: number[] = [];
    const ring = new BaselineRing<{ tick: number }>(4, (s) => evicted.push(s.tick));
    for (let t = 1; t <= 6; t++) ring.put(state(t));
    expect(evicted).toEqual([1, 2]); // 5 and 6 took their slots
    const s6 = ring.get(6) as { tick: number };
    ring.put(s6); // the same state again is not a replacement
    expect(evicted).toEqual([1, 2]);
    ring.forgetRange(1, 5);
    expect(evicted).toEqual([1, 2, 3, 4]);
    ring.forgetRange(1, 5); // already gone: nothing more
    expect(evicted).toEqual([1, 2, 3, 4]);
    ring.clear();
    expect(evicted.sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ring.get(6)).toBeUndefined();
  });
});
