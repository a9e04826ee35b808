import { describe, expect, it } from 'vitest';
import { buildWireState } from '../../game-server/room/wire-snapshot.js';
import { addPlayer, createWorld } from '../../game-server/sim/index.js';
import { EMPTY_STATE, POSITION_SCALE, StateEncoder } from '../../protocol/index.js';

describe('wire snapshot', () => {
  it('sends the bytes of +0 where the world has -0, full and delta', () => {
    // Two worlds alike but for signs of zero: every value that would reach the wire as -0 in the
    // first (an aim of -0, a position or velocity that rounds to -0, a motion of -0) is +0 in the second.
    const worldWith = (zero: number) => {
      const world = createWorld({ tickHz: 30, seed: 1 });
      const p = addPlayer(world, 1, 'a');
      p.aim = zero;
      p.x = Object.is(zero, -0) ? -0.01 : 0;
      p.y = 300;
      world.projectiles.push({
        id: 5,
        ownerId: 1,
        x: Object.is(zero, -0) ? -0.01 : 0,
        y: 200,
        vx: Object.is(zero, -0) ? -0.01 : 0,
        vy: zero,
        expiresTick: 99,
        rewindMs: 0,
      });
      world.tick = 10;
      return { world, p };
    };
    const framesOf = (zero: number): number[][] => {
      const { world, p } = worldWith(zero);
      const s1 = buildWireState(world, 1000, undefined);
      world.tick = 11;
      p.y = 301; // a change, so the delta is not empty
      const s2 = buildWireState(world, 1033, s1);
      return [
        Array.from(new StateEncoder(s1).transientFrame(EMPTY_STATE, 1)),
        Array.from(new StateEncoder(s2).transientFrame(EMPTY_STATE, 2)),
        Array.from(new StateEncoder(s2).transientFrame(s1, 2)),
      ];
    };
    const neg = worldWith(-0);
    const s = buildWireState(neg.world, 1000, undefined);
    // The world really holds the -0s (else this test compares nothing) and the tuples hold none.
    expect(Object.is(neg.p.aim, -0) && Object.is(Math.round(neg.p.x * POSITION_SCALE), -0)).toBe(true);
    for (const t of [...s.players, ...s.projectiles]) for (const v of t) expect(Object.is(v, -0)).toBe(false);
    const withNeg = framesOf(-0);
    const withPos = framesOf(0);
    expect(withNeg).toEqual(withPos);
    expect(withNeg[2]).not.toEqual(withNeg[1]); // the delta frame is one
  });

  it('owns every tuple, measures motion against the previous state, and writes a recycled state over', () => {
    const world = createWorld({ tickHz: 30, seed: 1 });
    addPlayer(world, 1, 'a');
    const q = addPlayer(world, 2, 'b');
    world.tick = 1;
    const s1 = buildWireState(world, 0, undefined);
    world.tick = 2;
    q.x += 1;
    const s2 = buildWireState(world, 33, s1);
    // Unchanged, yet not shared: a state can be written over without touching another.
    expect(s2.players[0]).toEqual(s1.players[0]);
    expect(s2.players[0]).not.toBe(s1.players[0]);
    expect(s2.players[1]?.[6]).toBe(16);
    // Recycling s1 (no longer needed) at tick 3 gives what a fresh build gives, in s1's own objects.
    world.tick = 3;
    q.x += 2;
    world.projectiles.push({ id: 7, ownerId: 1, x: 10, y: 20, vx: 300, vy: 0, expiresTick: 99, rewindMs: 0 });
    const fresh = buildWireState(world, 66, s2);
    const tuple = s1.players[1];
    const s3 = buildWireState(world, 66, s2, s1);
    expect(s3).toBe(s1);
    expect(s3.players[1]).toBe(tuple);
    expect(s3).toEqual(fresh);
    expect(s3.players[1]?.[6]).toBe(32);
    // A world with fewer entities shortens the recycled lists.
    world.players.delete(2);
    world.projectiles.length = 0;
    world.tick = 4;
    const s4 = buildWireState(world, 99, s3, s2);
    expect(s4).toEqual(buildWireState(world, 99, s3));
    expect(s4.players).toHaveLength(1);
    expect(s4.projectiles).toHaveLength(0);
  });
});
