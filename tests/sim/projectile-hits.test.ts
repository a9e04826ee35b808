import { describe, expect, it } from 'vitest';
import {
  addPlayer,
  advancePhase,
  areTeammates,
  createRandom,
  createWorld,
  endRound,
  isActivePhase,
  isPoweredUp,
  type PastPlayer,
  playersAt,
  recordHistory,
  rewindFor,
  roundIsOver,
  type SimInput,
  type SimPlayer,
  type SimProjectile,
  spawnPlayer,
  stepPickups,
  stepWorld,
  type World,
} from '../../game-server/sim/index.js';
import {
  type Arena,
  EventKind,
  type GameEvent,
  GameMode,
  Key,
  PLAYER_RADIUS_PX,
  POWER_UP_DAMAGE_FACTOR,
  PROJECTILE_DAMAGE,
  PROJECTILE_RADIUS_PX,
  quantize,
  RoundPhase,
  segmentHitsCircle,
  segmentHitsWall,
  shotFrom,
  stepPlayer,
  Team,
  type TeamCode,
} from '../../protocol/index.js';
import { nextSeq, openArena } from '../helpers/sim.js';

/*
 * The reference: stepWorld with the projectile code of commit e59713c (before the hit loop was made
 * cheaper), every wall tested instead of the wall grid, plus two later fixes: a target already dead takes
 * no damage, and "alive" in every target set means alive when the projectiles start moving (e59713c
 * built each rewind's set lazily from who was alive then, so a player killed earlier in the tick was
 * missing from sets built after the kill; here a snapshot taken up front). The shared rules (stepPlayer, shotFrom, match flow, pickups) are the sim's own.
 */
function referenceStep(world: World, inputs: ReadonlyMap<number, SimInput>, timeMs: number): GameEvent[] {
  world.tick += 1;
  world.timeMs = timeMs;
  const events = world.pendingEvents;
  world.pendingEvents = [];
  advancePhase(world, events);
  const playing = world.round.phase === RoundPhase.Playing;
  const active = isActivePhase(world);
  for (const p of world.players.values()) {
    const input = inputs.get(p.id);
    if (input) {
      p.keys = input.keys;
      p.aim = input.aim;
      p.viewLagMs = rewindFor(timeMs, input.viewTime ?? 0);
    }
    if (active && p.alive) stepPlayer(p, p.keys, world.timing.dtS, world.arena);
  }
  recordHistory(world.history, world.tick, timeMs, world.players.values());
  if (active) {
    refMoveProjectiles(world, events);
    refFire(world);
    for (const p of world.players.values()) {
      if (!p.alive && world.tick >= p.respawnTick) spawnPlayer(world, p);
    }
    stepPickups(world, events, [...world.players.values()]);
    if (playing && roundIsOver(world)) endRound(world, events);
  }
  events.push(...world.pendingEvents);
  world.pendingEvents = [];
  return events;
}

function refFire(world: World): void {
  for (const p of world.players.values()) {
    if (!p.alive || (p.keys & Key.Fire) === 0 || world.tick < p.nextFireTick) continue;
    world.projectiles.push({
      id: world.nextProjectileId,
      ownerId: p.id,
      ...shotFrom(p.x, p.y, p.aim),
      expiresTick: world.tick + world.timing.projectileTtlTicks,
      rewindMs: p.viewLagMs,
      damage: PROJECTILE_DAMAGE * (isPoweredUp(world, p) ? POWER_UP_DAMAGE_FACTOR : 1),
    });
    world.nextProjectileId = (world.nextProjectileId % 0xffff) + 1;
    p.nextFireTick = world.tick + world.timing.fireCooldownTicks;
  }
}

/**
 * e59713c's targetsFor: the tick's targets by rewind, built once per rewind and tick, with the fix:
 * `aliveAtStart` (ids alive when the projectiles started moving) in place of who is alive now.
 */
function refTargetsFor(
  world: World,
  cache: Map<number, readonly PastPlayer[]>,
  aliveAtStart: ReadonlySet<number>,
  rewindMs: number,
) {
  const cached = cache.get(rewindMs);
  if (cached) return cached;
  const past = rewindMs > 0 ? playersAt(world.history, world.timeMs - rewindMs) : undefined;
  const targets: PastPlayer[] = [];
  if (past) {
    for (const p of past) if (p.alive && aliveAtStart.has(p.id)) targets.push(p);
  } else {
    for (const p of world.players.values()) if (aliveAtStart.has(p.id)) targets.push({ ...p });
  }
  cache.set(rewindMs, targets);
  return targets;
}

/** e59713c's moveProjectiles (every wall instead of the grid's superset: the same earliest hit). */
function refMoveProjectiles(world: World, events: GameEvent[]): void {
  const { dtS } = world.timing;
  const { width, height, walls } = world.arena;
  const cache = new Map<number, readonly PastPlayer[]>();
  // The fix: who is alive before any projectile moves.
  const aliveAtStart = new Set([...world.players.values()].filter((p) => p.alive).map((p) => p.id));
  const kept: SimProjectile[] = [];
  for (const pr of world.projectiles) {
    const x1 = pr.x + pr.vx * dtS;
    const y1 = pr.y + pr.vy * dtS;
    let tWall = Number.POSITIVE_INFINITY;
    for (const w of walls) {
      const t = segmentHitsWall(pr.x, pr.y, x1, y1, w, PROJECTILE_RADIUS_PX);
      if (t >= 0 && t < tWall) tWall = t;
    }
    let victim: SimPlayer | undefined;
    let tHit = tWall;
    for (const p of refTargetsFor(world, cache, aliveAtStart, pr.rewindMs)) {
      if (p.id === pr.ownerId || areTeammates(world, pr.ownerId, p.id)) continue;
      const t = segmentHitsCircle(pr.x, pr.y, x1, y1, p.x, p.y, PLAYER_RADIUS_PX + PROJECTILE_RADIUS_PX);
      if (t >= 0 && t < tHit) {
        tHit = t;
        victim = world.players.get(p.id);
      }
    }
    if (victim) refDamage(world, victim, pr.ownerId, pr.damage ?? PROJECTILE_DAMAGE, events);
    else if (tWall === Number.POSITIVE_INFINITY && world.tick < pr.expiresTick) {
      pr.x = quantize(x1);
      pr.y = quantize(y1);
      if (pr.x >= 0 && pr.x <= width && pr.y >= 0 && pr.y <= height) kept.push(pr);
    }
  }
  world.projectiles = kept;
}

function refDamage(world: World, victim: SimPlayer, shooterId: number, amount: number, events: GameEvent[]) {
  if (!victim.alive) return; // the fix: e59713c damaged a target killed earlier in the tick again
  if (world.tick < victim.protectedUntilTick) return;
  victim.hp = Math.max(0, victim.hp - amount);
  events.push([EventKind.Hit, shooterId, victim.id, amount, victim.hp]);
  if (victim.hp > 0) return;
  victim.alive = false;
  victim.poweredUntilTick = 0;
  victim.respawnTick = world.tick + world.timing.respawnTicks;
  if (world.round.phase === RoundPhase.Playing) {
    victim.deaths += 1;
    const shooter = world.players.get(shooterId);
    if (shooter) shooter.kills += 1;
  }
  events.push([EventKind.Kill, victim.id, shooterId]);
}

const TICK_MS = 1000 / 30;
/** Server time of tick t (a running server's clock is far from 0). */
const timeOf = (t: number) => 10_000 + t * TICK_MS;
/** Wire aims: +x, +y (down), -x, -y. */
const RIGHT = 0;
const DOWN = Math.round((Math.PI / 2) * 1000);
const LEFT = Math.round(Math.PI * 1000);

const OPEN = openArena([
  { x: 100, y: 100 },
  { x: 1900, y: 1900 },
]);

interface Placed {
  readonly id: number;
  readonly x: number;
  readonly y: number;
  readonly team?: TeamCode;
  readonly hp?: number;
}

/** A world with `players` joined in the order given, placed exactly, unprotected and still. */
function scene(players: readonly Placed[], opts: { arena?: Arena; teams?: boolean } = {}): World {
  const world = createWorld({
    tickHz: 30,
    seed: 11,
    arena: opts.arena ?? OPEN,
    mode: opts.teams ? GameMode.TeamDeathmatch : GameMode.FreeForAll,
    killTarget: 1000,
  });
  for (const pl of players) {
    const p = addPlayer(world, pl.id, `p${pl.id}`, { team: pl.team });
    p.x = pl.x;
    p.y = pl.y;
    p.hp = pl.hp ?? 100;
    p.protectedUntilTick = 0;
  }
  return world;
}

/**
 * Steps `world` `ticks` ticks; the shooters (id -> aim and view lag in ms, null: unknown) hold Fire on
 * the first tick only. Returns every event after the first tick's joins and spawns.
 */
function shoot(
  world: World,
  shooters: ReadonlyMap<number, { aim: number; lagMs: number | null }>,
  ticks = 40,
): GameEvent[] {
  const all: GameEvent[] = [];
  for (let t = 1; t <= ticks; t++) {
    const now = timeOf(t);
    const inputs = new Map<number, SimInput>();
    for (const [id, s] of shooters) {
      const viewTime = s.lagMs === null ? 0 : now - s.lagMs;
      inputs.set(id, { seq: nextSeq(), keys: t === 1 ? Key.Fire : 0, aim: s.aim, viewTime });
    }
    const events = stepWorld(world, inputs, now);
    if (t > 1) all.push(...events);
  }
  return all;
}

const hitsOf = (events: readonly GameEvent[]) =>
  events.filter((e) => e[0] === EventKind.Hit).map((e) => ({ shooter: e[1], victim: e[2] }));
const killsOf = (events: readonly GameEvent[]) => events.filter((e) => e[0] === EventKind.Kill);

/** The view lags tried: unknown, 0 ms, one tick and a half, and beyond the rewind cap. */
const LAGS = [null, 0, 50, 400] as const;

describe('projectile hits', () => {
  it('hits a target whose centre comes within 20 px of the path, and only then', () => {
    const HIT = PLAYER_RADIUS_PX + PROJECTILE_RADIUS_PX;
    expect(HIT).toBe(20);
    // Offsets from the path of the target's centre, on the 1/16 px grid positions keep (a tick
    // quantizes every living player's position, moving or not).
    const cases: [number, boolean][] = [
      [0, true],
      [19, true],
      [HIT - 1 / 16, true],
      [HIT, true], // touching counts
      [HIT + 1 / 16, false],
      [21, false],
    ];
    for (const lagMs of LAGS) {
      for (const [offset, hit] of cases) {
        for (const side of [-1, 1]) {
          // Along +x past a target at x = 615.5; along +y past one at y = 715.5 (mid-segment and not).
          for (const [aim, tx, ty] of [
            [RIGHT, 615.5, 500 + side * offset],
            [RIGHT, 600, 500 + side * offset],
            [DOWN, 100 + side * offset, 715.5],
          ] as const) {
            const world = scene([
              { id: 1, x: 100, y: aim === RIGHT ? 500 : 200 },
              { id: 2, x: tx, y: ty },
            ]);
            const events = shoot(world, new Map([[1, { aim, lagMs }]]));
            const label = `lag ${lagMs}, offset ${side * offset}, aim ${aim}`;
            expect(hitsOf(events), label).toEqual(hit ? [{ shooter: 1, victim: 2 }] : []);
            // A hit stops the projectile; a miss lets it fly on (until it expires or leaves).
            if (hit) expect(world.projectiles, label).toEqual([]);
          }
        }
      }
    }
  });

  it('reaches 20 px beyond the end of a tick’s path, and no farther', () => {
    // Fired from (100, 500) at tick 1, the shot starts at x = 121 and moves 30 px a tick from tick 2:
    // tick 6 takes it from 241 to 271. A target up to 20 px beyond 271 is hit in tick 6, else in tick 7.
    const cases: [number, number][] = [
      [19, 6],
      [20 - 1 / 16, 6],
      [20, 6],
      [20 + 1 / 16, 7],
      [21, 7],
    ];
    for (const lagMs of LAGS) {
      for (const [beyond, tick] of cases) {
        const world = scene([
          { id: 1, x: 100, y: 500 },
          { id: 2, x: 271 + beyond, y: 500 },
        ]);
        const hitTicks: number[] = [];
        for (let t = 1; t <= 12; t++) {
          const now = timeOf(t);
          const viewTime = lagMs === null ? 0 : now - lagMs;
          const input = { seq: nextSeq(), keys: t === 1 ? Key.Fire : 0, aim: RIGHT, viewTime };
          if (hitsOf(stepWorld(world, new Map([[1, input]]), now)).length > 0) hitTicks.push(t);
        }
        expect(hitTicks, `lag ${lagMs}, ${beyond} px beyond`).toEqual([tick]);
      }
    }
  });

  it('two targets hit at the same t: the first in join order wins, whatever its id and side', () => {
    for (const lagMs of LAGS) {
      for (const [firstId, laterId] of [
        [2, 3],
        [3, 2],
      ] as const) {
        for (const firstSide of [-1, 1]) {
          const world = scene([
            { id: 1, x: 100, y: 500 },
            { id: firstId, x: 600, y: 500 + firstSide * 10 },
            { id: laterId, x: 600, y: 500 - firstSide * 10 },
          ]);
          const events = shoot(world, new Map([[1, { aim: RIGHT, lagMs }]]));
          expect(hitsOf(events), `lag ${lagMs}, first ${firstId}`).toEqual([{ shooter: 1, victim: firstId }]);
        }
      }
    }
  });

  it('a wall and a player hit at the same t: the wall wins', () => {
    // The projectile (radius 4) touches the wall's face x = 600 at centre x = 596; a player (radius
    // 16) centred at x = 616 on the path is touched at the same centre x, so at the same t.
    const arena: Arena = { ...OPEN, walls: [{ x: 600, y: 400, w: 40, h: 200 }] };
    for (const lagMs of LAGS) {
      const world = scene(
        [
          { id: 1, x: 100, y: 500 },
          { id: 2, x: 616, y: 500 },
        ],
        { arena },
      );
      const events = shoot(world, new Map([[1, { aim: RIGHT, lagMs }]]));
      expect(hitsOf(events), `lag ${lagMs}`).toEqual([]);
      expect(world.projectiles).toEqual([]);
      // One px nearer, the player is hit first.
      const nearer = scene(
        [
          { id: 1, x: 100, y: 500 },
          { id: 2, x: 615, y: 500 },
        ],
        { arena },
      );
      expect(hitsOf(shoot(nearer, new Map([[1, { aim: RIGHT, lagMs }]]))), `lag ${lagMs}`).toEqual([
        { shooter: 1, victim: 2 },
      ]);
    }
  });

  it('team mode: a shot passes through its owner’s teammates and hits the enemy behind', () => {
    for (const lagMs of LAGS) {
      const world = scene(
        [
          { id: 1, x: 100, y: 500, team: Team.Red },
          { id: 2, x: 300, y: 500, team: Team.Red },
          { id: 3, x: 500, y: 505, team: Team.Blue },
          { id: 4, x: 700, y: 500, team: Team.Blue },
        ],
        { teams: true },
      );
      const events = shoot(world, new Map([[1, { aim: RIGHT, lagMs }]]));
      expect(hitsOf(events), `lag ${lagMs}`).toEqual([{ shooter: 1, victim: 3 }]);
      expect(world.players.get(2)!.hp).toBe(100);
      // In free-for-all the first player on the path is hit.
      const ffa = scene([
        { id: 1, x: 100, y: 500 },
        { id: 2, x: 300, y: 500 },
        { id: 3, x: 500, y: 505 },
      ]);
      expect(hitsOf(shoot(ffa, new Map([[1, { aim: RIGHT, lagMs }]])))).toEqual([{ shooter: 1, victim: 2 }]);
    }
  });

  it('resolves projectiles of several view lags, 0 among them, in one tick against their own views', () => {
    // Target 9 stands at (1000, 300) until it jumps to (1000, 700) before tick 24. Shooters on the lines
    // y = 300 and y = 700 (and 3, on y = 1300, at nobody) fire at tick 1 from x = 200: their shots
    // (from x = 221, 30 px a tick) reach x = 980 in tick 27, when a 250 ms view (7.5 ticks back) still
    // shows the target on the 300 line and a 100 ms one (3 ticks) already on the 700 line.
    const run = (lags: Record<number, number | null>) => {
      const world = scene([
        { id: 1, x: 200, y: 300 },
        { id: 2, x: 200, y: 700 },
        { id: 3, x: 200, y: 1300 },
        { id: 9, x: 1000, y: 300 },
      ]);
      const hits: { tick: number; shooter: number; victim: number }[] = [];
      for (let t = 1; t <= 40; t++) {
        if (t === 24) world.players.get(9)!.y = 700;
        const now = timeOf(t);
        const inputs = new Map<number, SimInput>();
        for (const id of [1, 2, 3]) {
          const lag = lags[id] ?? null;
          const viewTime = lag === null ? 0 : now - lag;
          inputs.set(id, { seq: nextSeq(), keys: t === 1 ? Key.Fire : 0, aim: RIGHT, viewTime });
        }
        for (const h of hitsOf(stepWorld(world, inputs, now))) hits.push({ tick: t, ...h });
      }
      return hits;
    };
    expect(run({ 1: 0, 2: 0, 3: 250 })).toEqual([{ tick: 27, shooter: 2, victim: 9 }]);
    expect(run({ 1: 250, 2: 0, 3: 0 })).toEqual([
      { tick: 27, shooter: 1, victim: 9 },
      { tick: 27, shooter: 2, victim: 9 },
    ]);
    expect(run({ 1: 250, 2: 250, 3: 0 })).toEqual([{ tick: 27, shooter: 1, victim: 9 }]);
    expect(run({ 1: 100, 2: null, 3: 250 })).toEqual([{ tick: 27, shooter: 2, victim: 9 }]);
  });

  it.each([
    {
      // Shooter 1 (above) and shooter 2 (left) both reach target 3 in tick 9; 1 joined first, so its
      // shot kills 3 (20 hp). Shooter 2's shot still stops at 3 and never reaches bystander 4 behind it.
      name: 'crossing, a bystander behind',
      players: [
        { id: 1, x: 1000, y: 200 },
        { id: 2, x: 700, y: 500 },
        { id: 3, x: 1000, y: 500, hp: 20 },
        { id: 4, x: 1100, y: 500 },
      ],
      aims: [DOWN, RIGHT] as const,
    },
    {
      // Shooters 1 (left) and 2 (right) reach target 3 between them in the same tick.
      name: 'head-on',
      players: [
        { id: 1, x: 700, y: 500 },
        { id: 2, x: 1300, y: 500 },
        { id: 3, x: 1000, y: 500, hp: 20 },
      ],
      aims: [RIGHT, LEFT] as const,
    },
  ])(
    'two projectiles at one target in one tick ($name): the later one stops, one Hit, Kill, death, kill',
    ({ players, aims: [aim1, aim2] }) => {
      // Equal view lags, and differing ones: then 2's targets (by another rewind) are looked up after the
      // kill, and the target must still be among them.
      const lagPairs: [number | null, number | null][] = [
        ...LAGS.map((lagMs): [number | null, number | null] => [lagMs, lagMs]),
        [0, 50],
        [50, 0],
        [50, 100],
        [null, 250],
      ];
      for (const [lag1, lag2] of lagPairs) {
        const world = scene(players);
        const events = shoot(
          world,
          new Map([
            [1, { aim: aim1, lagMs: lag1 }],
            [2, { aim: aim2, lagMs: lag2 }],
          ]),
          20,
        );
        const label = `lags ${lag1}, ${lag2}`;
        expect(hitsOf(events), label).toEqual([{ shooter: 1, victim: 3 }]);
        expect(killsOf(events), label).toEqual([[EventKind.Kill, 3, 1]]);
        // Only 1 scored, only 3 died, and nobody else was touched (the bystander, if any, keeps full health).
        const tally = (p: SimPlayer) => [p.kills, p.deaths, p.id === 3 ? 'target' : p.hp];
        const want = (id: number) => [id === 1 ? 1 : 0, id === 3 ? 1 : 0, id === 3 ? 'target' : 100];
        expect([...world.players.values()].map(tally), label).toEqual(players.map((p) => want(p.id)));
        expect(world.projectiles, label).toEqual([]);
      }
    },
  );

  /** A 500 x 400 arena with a few walls, crowded enough that shots often meet at one target. */
  const MIXED: Arena = {
    width: 500,
    height: 400,
    walls: [
      { x: 220, y: 170, w: 60, h: 60 },
      { x: 90, y: 80, w: 20, h: 100 },
      { x: 360, y: 280, w: 100, h: 20 },
    ],
    spawns: Array.from({ length: 12 }, (_, i) => ({
      x: 40 + (i % 4) * 140,
      y: 40 + Math.floor(i / 4) * 160,
    })),
  };

  for (const teams of [false, true]) {
    it(`matches the e59713c hit code over many random ticks (${teams ? 'team deathmatch' : 'free-for-all'})`, () => {
      for (const seed of [1, 2, 3, 4]) {
        const make = () => {
          const w = createWorld({
            tickHz: 30,
            seed,
            arena: MIXED,
            mode: teams ? GameMode.TeamDeathmatch : GameMode.FreeForAll,
            killTarget: 10_000,
            roundMs: 10 * 60_000,
          });
          for (let id = 1; id <= 14; id++) {
            addPlayer(w, id * 7, `p${id}`, { team: teams ? (id % 2 ? Team.Red : Team.Blue) : Team.None });
          }
          return w;
        };
        const world = make();
        const ref = make();
        const rnd = createRandom(seed * 101);
        const ids = [...world.players.keys()];
        // Shared lags (so projectiles share rewinds within a tick), 0 and unknown among them.
        const lags = [null, 0, 0, TICK_MS, 50, 100, 100, 250, 1000];
        for (let t = 1; t <= 1000; t++) {
          const now = timeOf(t);
          const inputs = new Map<number, SimInput>();
          for (const id of ids) {
            if (rnd() < 0.2) continue; // no input: keys held
            const lag = lags[Math.floor(rnd() * lags.length)] ?? null;
            inputs.set(id, {
              seq: nextSeq(),
              keys: Math.floor(rnd() * 32) | (rnd() < 0.6 ? Key.Fire : 0),
              aim: Math.round((rnd() * 2 - 1) * Math.PI * 1000),
              viewTime: lag === null ? 0 : now - lag,
            });
          }
          // Make kills (and so several projectiles at a target killed earlier in the tick) frequent:
          // low health, no spawn protection, quick respawns; teleports make rewound views differ more.
          for (const id of ids) {
            const roll = rnd();
            const x = rnd() * MIXED.width;
            const y = rnd() * MIXED.height;
            for (const w of [world, ref]) {
              const p = w.players.get(id)!;
              if (roll < 0.15) p.hp = Math.min(p.hp, 20);
              else if (roll < 0.3) p.protectedUntilTick = 0;
              else if (roll < 0.4) p.respawnTick = Math.min(p.respawnTick, w.tick + 1);
              else if (roll < 0.45) [p.x, p.y] = [quantize(x), quantize(y)];
            }
          }
          const got = stepWorld(world, inputs, now);
          const want = referenceStep(ref, inputs, now);
          expect(got, `seed ${seed} tick ${t}`).toEqual(want);
          expect(world.projectiles, `seed ${seed} tick ${t}`).toEqual(ref.projectiles);
          expect([...world.players.values()], `seed ${seed} tick ${t}`).toEqual([...ref.players.values()]);
          expect([world.rng, world.round, world.nextProjectileId]).toEqual([
            ref.rng,
            ref.round,
            ref.nextProjectileId,
          ]);
        }
      }
    });
  }
});
