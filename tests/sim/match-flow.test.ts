import { describe, expect, it } from 'vitest';
import {
  addPlayer,
  createWorld,
  removePlayer,
  stepWorld,
  type World,
  winnerOf,
} from '../../game-server/sim/index.js';
import {
  EventKind,
  type GameEvent,
  GameMode,
  Key,
  type RosterEntry,
  RoundPhase,
  Team,
} from '../../protocol/index.js';
import { hold, openArena, run } from '../helpers/sim.js';

const field = openArena([
  { x: 500, y: 1000 },
  { x: 800, y: 1000 },
]);

function flowWorld(): World {
  return createWorld({
    tickHz: 30,
    seed: 7,
    arena: field,
    matchFlow: true,
    killTarget: 1,
    timingMs: { countdownMs: 1000, intermissionMs: 1000 },
  });
}

const kinds = (events: GameEvent[]) => events.map((e) => e[0]);

describe('match flow', () => {
  it('warms up alone: moves and shoots, but nothing is scored', () => {
    const world = flowWorld();
    addPlayer(world, 1, 'solo');
    const x0 = world.players.get(1)!.x;
    run(world, 10, new Map([[1, hold(Key.Right | Key.Fire)]]));
    expect(world.round.phase).toBe(RoundPhase.Warmup);
    expect(world.players.get(1)!.x).toBeGreaterThan(x0);
    expect(world.projectiles.length).toBeGreaterThan(0);
  });

  it('counts down when a second player joins, frozen, then plays', () => {
    const world = flowWorld();
    addPlayer(world, 1, 'a');
    run(world, 3);
    addPlayer(world, 2, 'b');
    const first = stepWorld(world, new Map());
    expect(first).toContainEqual([EventKind.Countdown, 1, 1000]);
    expect(world.round.phase).toBe(RoundPhase.Countdown);
    const p = world.players.get(1)!;
    const at = [p.x, p.y];
    const frozen = run(world, world.timing.countdownTicks - 1, new Map([[1, hold(Key.Down | Key.Fire)]]));
    expect([p.x, p.y]).toEqual(at);
    expect(world.projectiles).toEqual([]);
    expect(kinds(frozen)).not.toContain(EventKind.RoundStart);
    const start = run(world, 1);
    expect(start).toContainEqual([EventKind.RoundStart, 1, 180_000]);
    expect(world.round.phase).toBe(RoundPhase.Playing);
  });

  it('goes back to warmup when players leave, and to the next countdown after the scoreboard', () => {
    const world = flowWorld();
    addPlayer(world, 1, 'a');
    addPlayer(world, 2, 'b');
    run(world, 1 + world.timing.countdownTicks);
    expect(world.round.phase).toBe(RoundPhase.Playing);
    const a = world.players.get(1)!;
    const b = world.players.get(2)!;
    [a.x, a.y, b.x, b.y] = [500, 1000, 800, 1000];
    a.protectedUntilTick = 0;
    b.protectedUntilTick = 0;
    const played = run(world, 60, new Map([[1, hold(Key.Fire, 0)]]));
    const end = played.find((e) => e[0] === EventKind.RoundEnd);
    expect(end?.[2]).toBe(1);
    expect(world.round.phase).toBe(RoundPhase.Intermission);
    const next = run(world, world.timing.intermissionTicks);
    expect(next).toContainEqual([EventKind.Countdown, 2, 1000]);
    expect(a.kills).toBe(0);
    removePlayer(world, 2);
    run(world, 1);
    expect(world.round.phase).toBe(RoundPhase.Warmup);
    expect(world.round.number).toBe(2);
  });
});

const row = (id: number, kills: number, deaths: number, team = 0): RosterEntry => [
  id,
  `p${id}`,
  kills,
  deaths,
  team as 0,
  0,
];

describe('winnerOf (the MVP)', () => {
  const ffa = createWorld({ tickHz: 30, seed: 1 });
  it.each([
    { name: 'most kills wins', table: [row(3, 5, 2), row(1, 4, 0)], winner: 3 },
    {
      name: 'a kill tie goes to fewer deaths (standings order)',
      table: [row(2, 5, 1), row(1, 5, 3)],
      winner: 2,
    },
    { name: 'equal kills and deaths: nobody', table: [row(1, 5, 1), row(2, 5, 1)], winner: 0 },
    { name: 'nobody scored: nobody', table: [row(1, 0, 0), row(2, 0, 0)], winner: 0 },
    { name: 'empty room: nobody', table: [], winner: 0 },
  ])('$name', ({ table, winner }) => {
    expect(winnerOf(ffa, table)).toBe(winner);
  });

  it('in team deathmatch the best player of the team with more kills', () => {
    const tdm = createWorld({ tickHz: 30, seed: 1, mode: GameMode.TeamDeathmatch });
    const kills: [number, number, number][] = [
      [1, Team.Red, 5],
      [2, Team.Blue, 4],
      [3, Team.Blue, 3],
    ];
    for (const [id, team, k] of kills) addPlayer(tdm, id, `p${id}`, { team: team as 1 | 2 }).kills = k;
    const table = [row(1, 5, 0, Team.Red), row(2, 4, 0, Team.Blue), row(3, 3, 0, Team.Blue)];
    expect(winnerOf(tdm, table)).toBe(2);
    tdm.players.get(3)!.kills = 1;
    expect(winnerOf(tdm, table)).toBe(0);
  });
});
