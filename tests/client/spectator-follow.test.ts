import { describe, expect, it } from 'vitest';
import { nextTarget, SpectatorFollow } from '../../game-client/render/spectator-follow.js';

describe('spectator follow', () => {
  it('picks the first living player, then cycles both ways with wrap-around', () => {
    const alive = (id: number) => id !== 3;
    expect(nextTarget([7, 3, 5], null, 0, alive)).toBe(5);
    expect(nextTarget([7, 3, 5], 5, 1)).toBe(7);
    expect(nextTarget([7, 3, 5], 7, 1)).toBe(3);
    expect(nextTarget([7, 3, 5], 3, -1)).toBe(7);
    expect(nextTarget([], 3, 1)).toBeNull();
  });

  it('keeps its target while it stays, and moves on when it leaves', () => {
    const f = new SpectatorFollow();
    const all = () => true;
    expect(f.pick([4, 2], all)).toBe(2);
    f.cycle(1);
    expect(f.pick([4, 2], all)).toBe(4);
    expect(f.pick([4, 2, 9], all)).toBe(4);
    expect(f.pick([2, 9], all)).toBe(2);
  });
});
