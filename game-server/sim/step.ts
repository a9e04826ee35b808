/** One fixed tick of the game: inputs, movement, shooting, hits, respawns and the round clock. Pure of I/O. */
import {
  EventKind,
  type GameEvent,
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
  type Wall,
} from '../../protocol/index.js';
import { playersAt, recordHistory, rewindFor } from './history.js';
import { advancePhase, endRound, isActivePhase, roundIsOver } from './match-flow.js';
import { isPoweredUp, stepPickups } from './pickups.js';
import { spawnPlayer } from './players.js';
import { areTeammates } from './teams.js';
import { wallGridFor, wallsNear } from './wall-grid.js';
import type { SimPlayer, SimProjectile, World } from './world.js';

/** The input a player's next tick uses: held keys and aim, tagged with its seq. */
export interface SimInput {
  readonly seq: number;
  readonly keys: number;
  readonly aim: number;
  /** Server time (ms) at which the client was showing the other players; 0 or absent: no rewind. */
  readonly viewTime?: number;
}

/**
 * Advances `world` by one tick in place, applying at most one input per player (held keys persist
 * when a player has none this tick). `timeMs` is the server time of this tick (the State's
 * serverTime), used for lag compensation; by default it is derived from the tick. Returns the events.
 */
export function stepWorld(
  world: World,
  inputs: ReadonlyMap<number, SimInput>,
  timeMs = ((world.tick + 1) * 1000) / world.timing.tickHz,
): GameEvent[] {
  world.tick += 1;
  world.timeMs = timeMs;
  const events = world.pendingEvents;
  world.pendingEvents = [];
  advancePhase(world, events);
  const playing = world.round.phase === RoundPhase.Playing;
  const active = isActivePhase(world);
  const players = rosterOf(world);

  for (let i = 0; i < players.length; i++) {
    const p = players[i] as SimPlayer;
    const input = inputs.get(p.id);
    if (input) {
      p.keys = input.keys;
      p.aim = input.aim;
      p.viewLagMs = rewindFor(timeMs, input.viewTime ?? 0);
    }
    if (active && p.alive) stepPlayer(p, p.keys, world.timing.dtS, world.arena);
  }

  recordHistory(world.history, world.tick, timeMs, players);

  if (active) {
    moveProjectiles(world, players, events);
    fire(world, players);
    respawn(world, players);
    stepPickups(world, events, players);
    if (playing && roundIsOver(world)) endRound(world, events);
  }
  roster.length = 0; // holds no players between ticks
  // Spawn events pushed during this tick (respawns, a round's start) went to the fresh pendingEvents
  // (spawnPlayer writes there); move them after this tick's other events. Usually there are none.
  const spawned = world.pendingEvents;
  if (spawned.length > 0) {
    for (let i = 0; i < spawned.length; i++) events.push(spawned[i] as GameEvent);
    world.pendingEvents = [];
  }
  return events;
}

/**
 * Scratch of stepWorld (one call at a time): the world's players in join order, listed once per tick
 * so the tick's several passes walk an array instead of a Map iterator each.
 */
const roster: SimPlayer[] = [];

function rosterOf(world: World): readonly SimPlayer[] {
  if (roster.length !== 0) roster.length = 0; // only after a tick that threw
  for (const p of world.players.values()) roster.push(p);
  return roster;
}

function fire(world: World, players: readonly SimPlayer[]): void {
  for (let i = 0; i < players.length; i++) {
    const p = players[i] as SimPlayer;
    if (!p.alive || (p.keys & Key.Fire) === 0 || world.tick < p.nextFireTick) continue;
    const shot = shotFrom(p.x, p.y, p.aim);
    world.projectiles.push({
      id: world.nextProjectileId,
      ownerId: p.id,
      x: shot.x,
      y: shot.y,
      vx: shot.vx,
      vy: shot.vy,
      expiresTick: world.tick + world.timing.projectileTtlTicks,
      rewindMs: p.viewLagMs,
      damage: PROJECTILE_DAMAGE * (isPoweredUp(world, p) ? POWER_UP_DAMAGE_FACTOR : 1),
    });
    world.nextProjectileId = (world.nextProjectileId % 0xffff) + 1;
    p.nextFireTick = world.tick + world.timing.fireCooldownTicks;
  }
}

/**
 * The players a projectile can hit, packed into parallel typed arrays: the hit loop runs over every
 * projectile and target each tick, and reading positions from a contiguous buffer avoids the boxed
 * double fields (and object shapes) of player objects.
 */
class TargetSet {
  count = 0;
  ids = new Float64Array(16);
  xs = new Float64Array(16);
  ys = new Float64Array(16);

  /** Empties the set (keeps its buffers). */
  clear(): void {
    this.count = 0;
  }

  /** Appends a target. */
  add(id: number, x: number, y: number): void {
    if (this.count === this.ids.length) this.grow();
    this.ids[this.count] = id;
    this.xs[this.count] = x;
    this.ys[this.count] = y;
    this.count += 1;
  }

  private grow(): void {
    const size = this.ids.length * 2;
    const widen = (a: Float64Array) => {
      const b = new Float64Array(size);
      b.set(a);
      return b;
    };
    this.ids = widen(this.ids);
    this.xs = widen(this.xs);
    this.ys = widen(this.ys);
  }
}

/** Scratch of moveProjectiles (one call at a time): this tick's targets now, and by rewind (> 0). */
const presentTargets = new TargetSet();
let presentReady = false;
const pastTargets = new Map<number, TargetSet>();
const spareTargetSets: TargetSet[] = [];
/**
 * Most spare sets kept between ticks: a tick needs one per distinct rewind among its projectiles
 * (a few in practice); a tick with many more does not pin their buffers for the process's lifetime.
 */
const MAX_SPARE_TARGET_SETS = 32;

/**
 * True if `p` was alive when this tick's projectiles started moving: alive now, or killed by one of
 * them. Only damage() kills, and it sets respawnTick to exactly `killedNow` (this tick's respawn
 * tick); a player killed in an earlier tick has a smaller one (ticks only rise), and spawning leaves
 * it alone.
 */
function aliveAtProjectilePhase(p: SimPlayer, killedNow: number): boolean {
  // Both fields read for every player, so the first death meets no load the optimized code lacks.
  return p.respawnTick === killedNow || p.alive;
}

/**
 * Where each living player was `rewindMs` ago, for every projectile whose shooter's view lagged by
 * that much: a target counts only if it is alive now and was alive (and there) in that view. "Now"
 * is the start of the projectile phase, whenever a set is built: a player killed by an earlier
 * projectile of the same tick still counts in every set, whatever its rewind (damage() spares it).
 */
function targetsFor(
  world: World,
  players: readonly SimPlayer[],
  rewindMs: number,
  killedNow: number,
): TargetSet {
  if (!(rewindMs > 0)) {
    if (presentReady) return presentTargets;
    // Players do not move while projectiles do: where they are now is where they were recorded.
    presentTargets.clear();
    for (let i = 0; i < players.length; i++) {
      const p = players[i] as SimPlayer;
      if (aliveAtProjectilePhase(p, killedNow)) presentTargets.add(p.id, p.x, p.y);
    }
    presentReady = true;
    return presentTargets;
  }
  const cached = pastTargets.get(rewindMs);
  if (cached) return cached;
  // stepWorld records this tick's frame before moving projectiles, so the history is never empty.
  const frames = playersAt(world.history, world.timeMs - rewindMs)!;
  const set = spareTargetSets.pop() ?? new TargetSet();
  set.clear();
  for (const p of frames) {
    if (!p.alive) continue;
    const now = world.players.get(p.id);
    if (now && aliveAtProjectilePhase(now, killedNow)) set.add(p.id, p.x, p.y);
  }
  pastTargets.set(rewindMs, set);
  return set;
}

/** Forgets this tick's targets, keeping (up to MAX_SPARE_TARGET_SETS of) their sets for the next tick. */
function resetTargets(): void {
  presentReady = false;
  if (pastTargets.size === 0) return; // Map#clear allocates a new table even when empty
  for (const set of pastTargets.values()) {
    if (spareTargetSets.length < MAX_SPARE_TARGET_SETS) spareTargetSets.push(set);
  }
  pastTargets.clear();
}

/** How close (px) a target's centre must come to a projectile's path to be hit. */
const HIT_RADIUS_PX = PLAYER_RADIUS_PX + PROJECTILE_RADIUS_PX;
/**
 * Half-size of the box around a path outside which a target is skipped without the exact test: the
 * hit radius plus a pixel of slack, so a skipped target is always clearly out of reach.
 */
const HIT_BOX_PX = HIT_RADIUS_PX + 1;

/**
 * Moves every projectile along its path this tick; the first wall or player on the path stops it.
 * Players are tested where the shooter saw them (rewound by the projectile's `rewindMs`), walls now.
 */
function moveProjectiles(world: World, players: readonly SimPlayer[], events: GameEvent[]): void {
  const { dtS } = world.timing;
  const { width, height } = world.arena;
  const { walls } = world.arena;
  const grid = wallGridFor(world.arena, PROJECTILE_RADIUS_PX);
  const projectiles = world.projectiles;
  // Read once per tick, not per target: the first death would otherwise be the first time these
  // loads run, and deoptimize this function (and stepWorld, which inlines it) mid-game.
  const killedNow = world.tick + world.timing.respawnTicks;
  resetTargets();
  let kept = 0;
  for (let n = 0; n < projectiles.length; n++) {
    const pr = projectiles[n] as SimProjectile;
    const x0 = pr.x;
    const y0 = pr.y;
    const x1 = x0 + pr.vx * dtS;
    const y1 = y0 + pr.vy * dtS;
    let tWall = Number.POSITIVE_INFINITY;
    const near = wallsNear(grid, x0, y0, x1, y1);
    for (let w = 0; w < near.length; w++) {
      const t = segmentHitsWall(x0, y0, x1, y1, walls[near[w] as number] as Wall, PROJECTILE_RADIUS_PX);
      if (t >= 0 && t < tWall) tWall = t;
    }
    let victim: SimPlayer | undefined;
    let tHit = tWall;
    const loX = Math.min(x0, x1) - HIT_BOX_PX;
    const hiX = Math.max(x0, x1) + HIT_BOX_PX;
    const loY = Math.min(y0, y1) - HIT_BOX_PX;
    const hiY = Math.max(y0, y1) + HIT_BOX_PX;
    const { count, ids, xs, ys } = targetsFor(world, players, pr.rewindMs, killedNow);
    for (let i = 0; i < count; i++) {
      const x = xs[i] as number;
      const y = ys[i] as number;
      // Cheap box test first: most targets are far from a 30 px path.
      if (x < loX || x > hiX || y < loY || y > hiY) continue;
      const id = ids[i] as number;
      // Friendly fire is off: a shot passes through its owner's teammates.
      if (id === pr.ownerId || areTeammates(world, pr.ownerId, id)) continue;
      const t = segmentHitsCircle(x0, y0, x1, y1, x, y, HIT_RADIUS_PX);
      if (t < tHit) {
        tHit = t;
        victim = world.players.get(id);
      }
    }
    if (victim) damage(world, victim, pr.ownerId, pr.damage ?? PROJECTILE_DAMAGE, events);
    else if (tWall === Number.POSITIVE_INFINITY && world.tick < pr.expiresTick) {
      pr.x = quantize(x1);
      pr.y = quantize(y1);
      // Kept projectiles are compacted to the front in place (no new array per tick).
      if (pr.x >= 0 && pr.x <= width && pr.y >= 0 && pr.y <= height) projectiles[kept++] = pr;
    }
  }
  if (projectiles.length !== kept) projectiles.length = kept;
  resetTargets();
}

/** Applies a hit; kills and deaths count only while Playing (Warmup is practice). */
function damage(
  world: World,
  victim: SimPlayer,
  shooterId: number,
  amount: number,
  events: GameEvent[],
): void {
  // A target killed earlier this tick still stops later projectiles (see targetsFor), but takes no
  // more damage: no second Hit or Kill, no second death or kill counted.
  if (!victim.alive || world.tick < victim.protectedUntilTick) return;
  victim.hp = Math.max(0, victim.hp - amount);
  events.push([EventKind.Hit, shooterId, victim.id, amount, victim.hp]);
  if (victim.hp > 0) return;
  victim.alive = false;
  victim.poweredUntilTick = 0;
  victim.respawnTick = world.tick + world.timing.respawnTicks; // aliveAtProjectilePhase relies on it
  if (world.round.phase === RoundPhase.Playing) {
    victim.deaths += 1;
    const shooter = world.players.get(shooterId);
    if (shooter) shooter.kills += 1;
  }
  events.push([EventKind.Kill, victim.id, shooterId]);
}

function respawn(world: World, players: readonly SimPlayer[]): void {
  const tick = world.tick;
  for (let i = 0; i < players.length; i++) {
    const p = players[i] as SimPlayer;
    // The tick test first: it runs for every player from the first tick, so the first death does not
    // meet a comparison the optimized code has never seen.
    if (tick >= p.respawnTick && !p.alive) spawnPlayer(world, p);
  }
}
