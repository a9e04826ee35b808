import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  addPlayer,
  createWorld,
  removePlayer,
  type SimInput,
  stepWorld,
  type World,
} from '../../game-server/sim/index.js';
import {
  EventKind,
  type GameEvent,
  Key,
  PLAYER_MAX_HP,
  PROJECTILE_DAMAGE,
  RoundPhase,
} from '../../protocol/index.js';
import { hold, openArena, run as runTicks } from '../helpers/sim.js';

// Two spawn points facing each other across an open field make shots predictable.
const duel = openArena([
  { x: 500, y: 1000 },
  { x: 800, y: 1000 },
]);

function duelWorld(killTarget = 15): World {
  const world = createWorld({ tickHz: 30, seed: 1, arena: duel, killTarget });
  addPlayer(world, 1, 'left');
  addPlayer(world, 2, 'right');
  const a = world.players.get(1)!;
  const b = world.players.get(2)!;
  [a.x, a.y, b.x, b.y] = [500, 1000, 800, 1000];
  a.protectedUntilTick = 0;
  b.protectedUntilTick = 0;
  return world;
}

/** Steps `ticks` ticks with `inputs` on the first only (the keys stay held). */
const run = (world: World, ticks: number, inputs?: Map<number, SimInput>): GameEvent[] =>
  runTicks(world, ticks, inputs, 1);

describe('stepWorld', () => {
  it('applies inputs and keeps keys held', () => {
    const world = duelWorld();
    const input = hold(Key.Down, 1571);
    run(world, 3, new Map([[1, input]]));
    const p = world.players.get(1)!;
    expect(p.aim).toBe(1571);
    expect(p.y).toBeCloseTo(1000 + 3 * (200 / 30), 0);
    expect(world.tick).toBe(3);
  });

  it('fires at most once per cooldown and the shot hurts the target', () => {
    const world = duelWorld();
    const events = run(world, 12, new Map([[1, hold(Key.Fire, 0)]]));
    const hits = events.filter((e) => e[0] === EventKind.Hit);
    expect(hits.length).toBeGreaterThanOrEqual(1);
    expect(hits[0]).toEqual([EventKind.Hit, 1, 2, PROJECTILE_DAMAGE, PLAYER_MAX_HP - PROJECTILE_DAMAGE]);
    // 12 ticks at 30 Hz with a 220 ms cooldown (7 ticks): two shots fired.
    expect(world.nextProjectileId - 1).toBe(2);
  });

  it('spawn protection absorbs shots', () => {
    const world = duelWorld();
    world.players.get(2)!.protectedUntilTick = 1000;
    const events = run(world, 30, new Map([[1, hold(Key.Fire, 0)]]));
    expect(events.filter((e) => e[0] === EventKind.Hit)).toEqual([]);
    expect(world.players.get(2)!.hp).toBe(PLAYER_MAX_HP);
  });

  it('walls stop shots', () => {
    const walled = { ...duel, walls: [{ x: 640, y: 900, w: 20, h: 200 }] };
    const world = createWorld({ tickHz: 30, seed: 1, arena: walled });
    addPlayer(world, 1, 'a');
    addPlayer(world, 2, 'b');
    world.players.get(2)!.protectedUntilTick = 0;
    const events = run(world, 30, new Map([[1, hold(Key.Fire, 0)]]));
    expect(events.some((e) => e[0] === EventKind.Hit)).toBe(false);
  });

  it('kills, counts the score, respawns after the delay with protection', () => {
    const world = duelWorld();
    const events = run(world, 60, new Map([[1, hold(Key.Fire, 0)]]));
    const kill = events.find((e) => e[0] === EventKind.Kill);
    expect(kill).toEqual([EventKind.Kill, 2, 1]);
    expect(world.players.get(1)!.kills).toBe(1);
    expect(world.players.get(2)!.deaths).toBe(1);
    const victim = world.players.get(2)!;
    expect(victim.alive).toBe(false);
    run(world, world.timing.respawnTicks);
    expect(victim.alive).toBe(true);
    expect(victim.hp).toBe(PLAYER_MAX_HP);
    expect(victim.protectedUntilTick).toBeGreaterThan(world.tick);
  });

  it('ends the round at the kill target, shows standings, then starts the next round fresh', () => {
    const world = duelWorld(1);
    const events = run(world, 60, new Map([[1, hold(Key.Fire, 0)]]));
    const end = events.find((e) => e[0] === EventKind.RoundEnd);
    expect(end).toEqual([
      EventKind.RoundEnd,
      1,
      1,
      [
        [1, 'left', 1, 0, 0, 0],
        [2, 'right', 0, 1, 0, 0],
      ],
    ]);
    expect(world.round.phase).toBe(RoundPhase.Intermission);
    expect(world.projectiles).toEqual([]);
    const next = run(world, world.timing.intermissionTicks);
    expect(next.some((e) => e[0] === EventKind.RoundStart && e[1] === 2)).toBe(true);
    expect(world.round.phase).toBe(RoundPhase.Playing);
    expect([...world.players.values()].every((p) => p.alive && p.kills === 0 && p.deaths === 0)).toBe(true);
  });

  it('ends the round on time with no winner when nobody scored', () => {
    const world = createWorld({ tickHz: 30, seed: 3, roundMs: 1000 });
    addPlayer(world, 1, 'solo');
    const events = run(world, 30);
    expect(events.find((e) => e[0] === EventKind.RoundEnd)).toEqual([
      EventKind.RoundEnd,
      1,
      0,
      [[1, 'solo', 0, 0, 0, 0]],
    ]);
  });

  it('reports joins and leaves as events and drops a leaver’s shots', () => {
    const world = duelWorld();
    run(world, 2, new Map([[1, hold(Key.Fire, Math.PI * 500)]]));
    removePlayer(world, 1);
    const events = stepWorld(world, new Map());
    expect(events).toContainEqual([EventKind.Left, 1, 'left']);
    expect(world.projectiles.every((p) => p.ownerId !== 1)).toBe(true);
  });
});

describe('determinism', () => {
  function playOut(seed: number): string {
    const world = createWorld({ tickHz: 30, seed });
    for (let id = 1; id <= 8; id++) addPlayer(world, id, `p${id}`);
    let rng = seed;
    const hash = createHash('sha256');
    for (let t = 0; t < 900; t++) {
      const inputs = new Map<number, SimInput>();
      for (let id = 1; id <= 8; id++) {
        rng = (rng * 1664525 + 1013904223) >>> 0;
        if (rng % 3 === 0)
          inputs.set(id, { seq: t + 1, keys: (rng >>> 8) % 32, aim: ((rng >>> 16) % 6283) - 3141 });
      }
      hash.update(JSON.stringify([stepWorld(world, inputs), [...world.players.values()], world.projectiles]));
    }
    return hash.digest('hex');
  }

  it('the same seed and inputs give the same world, tick by tick', () => {
    expect(playOut(42)).toBe(playOut(42));
    expect(playOut(42)).not.toBe(playOut(43));
  });
});
