import { describe, expect, it } from 'vitest';
import {
  addPlayer,
  createWorld,
  playerFlags,
  snapshotPickups,
  type World,
} from '../../game-server/sim/index.js';
import {
  ARENA,
  ARENA_LARGE,
  EventKind,
  GameMode,
  Key,
  LARGE_PICKUPS,
  PICKUP_RADIUS_PX,
  PickupKind,
  PLAYER_MAX_HP,
  PLAYER_RADIUS_PX,
  PlayerFlag,
  PROJECTILE_DAMAGE,
  STANDARD_PICKUPS,
  Team,
} from '../../protocol/index.js';
import { hold, openArena, run } from '../helpers/sim.js';

const field = openArena([{ x: 100, y: 100 }]);

/** Players in a row along y = 1000 at the given x, unprotected. */
function line(world: World, row: [id: number, x: number, team: number][]): void {
  for (const [id, x, team] of row) {
    const p = addPlayer(world, id, `p${id}`, { team: team as 0 });
    p.x = x;
    p.y = 1000;
    p.protectedUntilTick = 0;
  }
}

describe('friendly fire (team deathmatch)', () => {
  it.each([
    {
      mode: GameMode.TeamDeathmatch,
      hit: 3,
      name: 'a shot passes through a teammate and hits the enemy behind',
    },
    { mode: GameMode.FreeForAll, hit: 2, name: 'in free-for-all the first player on the path is hit' },
  ])('$name', ({ mode, hit }) => {
    const world = createWorld({ tickHz: 30, seed: 1, arena: field, mode });
    line(world, [
      [1, 500, Team.Red],
      [2, 650, Team.Red],
      [3, 800, Team.Blue],
    ]);
    const events = run(world, 15, new Map([[1, hold(Key.Fire, 0)]]));
    const hits = events.filter((e) => e[0] === EventKind.Hit).map((e) => e[2]);
    expect(new Set(hits)).toEqual(new Set([hit]));
  });

  it('ends a TDM round when a team reaches the kill target, MVP of that team as winner', () => {
    const world = createWorld({
      tickHz: 30,
      seed: 1,
      arena: field,
      mode: GameMode.TeamDeathmatch,
      killTarget: 1,
    });
    line(world, [
      [1, 500, Team.Red],
      [2, 800, Team.Blue],
    ]);
    const events = run(world, 60, new Map([[1, hold(Key.Fire, 0)]]));
    const end = events.find((e) => e[0] === EventKind.RoundEnd);
    expect(end?.[2]).toBe(1);
    expect(end?.[3]).toEqual([
      [1, 'p1', 1, 0, Team.Red, 0],
      [2, 'p2', 0, 1, Team.Blue, 0],
    ]);
  });
});

describe('pickups', () => {
  const pickups = [
    { kind: PickupKind.Health, x: 300, y: 1000 },
    { kind: PickupKind.PowerUp, x: 600, y: 1000 },
  ] as const;
  const world = () => createWorld({ tickHz: 30, seed: 1, arena: field, pickups });

  it('health: +50 up to the maximum, never taken at full health, back after its delay', () => {
    const w = world();
    line(w, [[1, 300, 0]]);
    run(w, 1);
    expect(snapshotPickups(w)[0]).toEqual([1, PickupKind.Health, 300, 1000, 1]);
    const p = w.players.get(1)!;
    p.hp = 70;
    const events = run(w, 1);
    expect(events).toContainEqual([EventKind.PickupTaken, 1, 1, PickupKind.Health]);
    expect(p.hp).toBe(PLAYER_MAX_HP);
    expect(snapshotPickups(w)[0]?.[4]).toBe(0);
    const version = w.pickupsVersion;
    run(w, w.timing.healthRespawnTicks - 1);
    expect(snapshotPickups(w)[0]?.[4]).toBe(0);
    run(w, 1);
    expect(snapshotPickups(w)[0]?.[4]).toBe(1);
    expect(w.pickupsVersion).toBe(version + 1);
    p.hp = 30;
    run(w, 1);
    expect(p.hp).toBe(80);
  });

  it('power-up: the flag while it lasts, double damage shots', () => {
    const w = world();
    line(w, [
      [1, 600, 0],
      [2, 900, 0],
    ]);
    expect(run(w, 1)).toContainEqual([EventKind.PickupTaken, 1, 2, PickupKind.PowerUp]);
    const events = run(w, 20, new Map([[1, hold(Key.Fire, 0)]]));
    const hits = events.filter((e) => e[0] === EventKind.Hit);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((e) => e[3] === PROJECTILE_DAMAGE * 2)).toBe(true);
    const flags = playerFlags(w, w.players.get(1)!);
    expect(flags & PlayerFlag.PoweredUp).toBe(PlayerFlag.PoweredUp);
    run(w, w.timing.powerUpTicks, new Map([[1, hold(0, 0)]]));
    expect(playerFlags(w, w.players.get(1)!) & PlayerFlag.PoweredUp).toBe(0);
  });

  it('is deterministic: the same seed and inputs give the same pickups', () => {
    const play = () => {
      const w = world();
      line(w, [
        [1, 200, 0],
        [2, 700, 0],
      ]);
      run(
        w,
        90,
        new Map([
          [1, hold(Key.Right | Key.Fire, 0)],
          [2, hold(Key.Left | Key.Fire, 3142)],
        ]),
      );
      return JSON.stringify([snapshotPickups(w), [...w.players.values()]]);
    };
    expect(play()).toBe(play());
  });

  it.each([
    { name: 'standard', arena: ARENA, points: STANDARD_PICKUPS },
    { name: 'large', arena: ARENA_LARGE, points: LARGE_PICKUPS },
  ])('every $name arena point can be reached: clear of walls by a player', ({ arena, points }) => {
    const reach = PLAYER_RADIUS_PX + 1;
    for (const p of points) {
      expect(p.x).toBeGreaterThan(PICKUP_RADIUS_PX);
      expect(p.x).toBeLessThan(arena.width - PICKUP_RADIUS_PX);
      const blocked = arena.walls.some(
        (w) => p.x + reach > w.x && p.x - reach < w.x + w.w && p.y + reach > w.y && p.y - reach < w.y + w.h,
      );
      expect(blocked).toBe(false);
    }
    expect(points.length).toBe(arena === ARENA ? 6 : 54);
  });
});
