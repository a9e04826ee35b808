import { describe, expect, it } from 'vitest';
import { botDelta, planBotCount } from '../../game-server/bots/index.js';

describe('planBotCount', () => {
  it.each([
    // humans, minPlayers, maxPlayers, bots
    [0, 4, 16, 4],
    [1, 4, 16, 3],
    [3, 4, 16, 1],
    [4, 4, 16, 0],
    [9, 4, 16, 0],
    [1, 0, 16, 0],
    [1, 8, 4, 3],
    [4, 8, 4, 0],
    [-2, 4, 16, 4],
    [Number.NaN, 4, 16, 4],
    [1, Number.NaN, 16, 0],
    [1.9, 4.5, 16, 3],
  ])('%f humans, min %f, max %f -> %i bots', (humans, min, max, bots) => {
    expect(planBotCount(humans, min, max)).toBe(bots);
  });

  it('bots leave one by one as humans join', () => {
    expect([0, 1, 2, 3, 4, 5].map((h) => planBotCount(h, 4, 8))).toEqual([4, 3, 2, 1, 0, 0]);
  });
});

describe('botDelta', () => {
  it.each([
    [0, 3, 3],
    [3, 1, -2],
    [2, 2, 0],
  ])('%i bots, %i planned -> %i', (current, planned, delta) => {
    expect(botDelta(current, planned)).toBe(delta);
  });
});
