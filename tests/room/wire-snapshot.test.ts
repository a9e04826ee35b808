import { describe, expect, it } from 'vitest';
import { buildWireState } from '../../game-server/room/wire-snapshot.js';
import { addPlayer, createWorld } from '../../game-server/sim/index.js';
import { EMPTY_STATE, encode, StateEncoder } from '../../protocol/index.js';

describe('wire snapshot', () => {
  it('holds +0 where the world has -0, so the bytes are those of the world as it is', () => {
    const world = createWorld({ tickHz: 30, seed: 1 });
    const p = addPlayer(world, 1, 'a');
    p.aim = -0;
    world.projectiles.push({
      id: 5,
      ownerId: 1,
      x: 100,
      y: 200,
      vx: -0,
      vy: 0,
      expiresTick: 99,
      rewindMs: 0,
    });
    world.tick = 10;
    const s = buildWireState(world, 1000, undefined);
    for (const t of [...s.players, ...s.projectiles]) for (const v of t) expect(Object.is(v, -0)).toBe(false);
    expect(s.players[0]?.[3]).toBe(0);
    expect(s.projectiles[0]?.slice(4)).toEqual([0, 0, 0, 0]);
    // msgpack writes -0 as 0 (msgpackr too), so normalising it changes no byte.
    const withNegZero = [...(s.players[0] ?? [])];
    withNegZero[3] = -0;
    expect(Array.from(encode(withNegZero))).toEqual(Array.from(encode(s.players[0])));
    expect(Array.from(new StateEncoder(s).frame(EMPTY_STATE, 1)).length).toBeGreaterThan(0);
  });

  it('reuses an unchanged tuple and measures motion against the previous state', () => {
    const world = createWorld({ tickHz: 30, seed: 1 });
    addPlayer(world, 1, 'a');
    const q = addPlayer(world, 2, 'b');
    world.tick = 1;
    const s1 = buildWireState(world, 0, undefined);
    world.tick = 2;
    q.x += 1;
    const s2 = buildWireState(world, 33, s1);
    expect(s2.players[0]).toBe(s1.players[0]);
    expect(s2.players[1]).not.toBe(s1.players[1]);
    expect(s2.players[1]?.[6]).toBe(16);
  });
});
