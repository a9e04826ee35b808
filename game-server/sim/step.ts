/** One fixed tick of the game: inputs, movement, shooting, hits, respawns and the round clock. Pure of I/O. */
import {
  angleFromWire,
  EventKind,
  type GameEvent,
  Key,
  PLAYER_RADIUS_PX,
  POWER_UP_DAMAGE_FACTOR,
  PROJECTILE_DAMAGE,
  PROJECTILE_RADIUS_PX,
  PROJECTILE_SPEED_PX_S,
  quantize,
  RoundPhase,
  segmentHitsCircle,
  segmentHitsWall,
  stepPlayer,
  type Wall,
} from '../../protocol/index.js';
import { type PastPlayer, playersAt, recordHistory, rewindFor } from './history.js';
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

  for (const p of world.players.values()) {
    const input = inputs.get(p.id);
    if (input) {
      p.keys = input.keys;
      p.aim = input.aim;
      p.lastSeq = input.seq;
      p.viewLagMs = rewindFor(timeMs, input.viewTime ?? 0);
    }
    if (active && p.alive) stepPlayer(p, p.keys, world.timing.dtS, world.arena);
  }

  recordHistory(world.history, world.tick, timeMs, world.players.values());

  if (active) {
    moveProjectiles(world, events);
    fire(world);
    respawn(world);
    stepPickups(world, events);
    if (playing && roundIsOver(world)) endRound(world, events);
  }
  events.push(...world.pendingEvents);
  world.pendingEvents = [];
  return events;
}

function fire(world: World): void {
  for (const p of world.players.values()) {
    if (!p.alive || (p.keys & Key.Fire) === 0 || world.tick < p.nextFireTick) continue;
    const a = angleFromWire(p.aim);
    const dirX = Math.cos(a);
    const dirY = Math.sin(a);
    const muzzle = PLAYER_RADIUS_PX + PROJECTILE_RADIUS_PX + 1;
    world.projectiles.push({
      id: world.nextProjectileId,
      ownerId: p.id,
      x: quantize(p.x + dirX * muzzle),
      y: quantize(p.y + dirY * muzzle),
      vx: Math.round(dirX * PROJECTILE_SPEED_PX_S),
      vy: Math.round(dirY * PROJECTILE_SPEED_PX_S),
      expiresTick: world.tick + world.timing.projectileTtlTicks,
      rewindMs: p.viewLagMs,
      damage: PROJECTILE_DAMAGE * (isPoweredUp(world, p) ? POWER_UP_DAMAGE_FACTOR : 1),
    });
    world.nextProjectileId = (world.nextProjectileId % 0xffff) + 1;
    p.nextFireTick = world.tick + world.timing.fireCooldownTicks;
  }
}

/** Scratch of moveProjectiles (one call at a time), emptied by each: the tick's targets by rewind (0: now). */
const targetCache = new Map<number, readonly PastPlayer[]>();
const presentTargets: PastPlayer[] = [];

/**
 * Where each living player was `rewindMs` ago, for every projectile whose shooter's view lagged by
 * that much: a target counts only if it is alive now and was alive (and there) in that view. Cached
 * per rewind for the tick: a player killed by an earlier projectile of the same tick still counts.
 */
function targetsFor(world: World, rewindMs: number): readonly PastPlayer[] {
  const cached = targetCache.get(rewindMs);
  if (cached) return cached;
  const past = rewindMs > 0 ? playersAt(world.history, world.timeMs - rewindMs) : undefined;
  let targets: PastPlayer[];
  if (past) {
    targets = [];
    for (const p of past) if (p.alive && world.players.get(p.id)?.alive) targets.push(p);
  } else {
    // Players do not move while projectiles do: the live objects serve as their own positions.
    targets = presentTargets;
    targets.length = 0;
    for (const p of world.players.values()) if (p.alive) targets.push(p);
  }
  targetCache.set(rewindMs, targets);
  return targets;
}

/**
 * Moves every projectile along its path this tick; the first wall or player on the path stops it.
 * Players are tested where the shooter saw them (rewound by the projectile's `rewindMs`), walls now.
 */
function moveProjectiles(world: World, events: GameEvent[]): void {
  const { dtS } = world.timing;
  const { width, height } = world.arena;
  const { walls } = world.arena;
  const grid = wallGridFor(world.arena, PROJECTILE_RADIUS_PX);
  const projectiles = world.projectiles;
  targetCache.clear();
  let kept = 0;
  for (let n = 0; n < projectiles.length; n++) {
    const pr = projectiles[n] as SimProjectile;
    const x1 = pr.x + pr.vx * dtS;
    const y1 = pr.y + pr.vy * dtS;
    let tWall = Number.POSITIVE_INFINITY;
    const near = wallsNear(grid, pr.x, pr.y, x1, y1);
    for (let w = 0; w < near.length; w++) {
      const t = segmentHitsWall(pr.x, pr.y, x1, y1, walls[near[w] as number] as Wall, PROJECTILE_RADIUS_PX);
      if (t >= 0 && t < tWall) tWall = t;
    }
    let victim: SimPlayer | undefined;
    let tHit = tWall;
    const targets = targetsFor(world, pr.rewindMs);
    for (let i = 0; i < targets.length; i++) {
      const p = targets[i] as PastPlayer;
      // Friendly fire is off: a shot passes through its owner's teammates.
      if (p.id === pr.ownerId || areTeammates(world, pr.ownerId, p.id)) continue;
      const t = segmentHitsCircle(pr.x, pr.y, x1, y1, p.x, p.y, PLAYER_RADIUS_PX + PROJECTILE_RADIUS_PX);
      if (t >= 0 && t < tHit) {
        tHit = t;
        victim = world.players.get(p.id);
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
  projectiles.length = kept;
  targetCache.clear();
  presentTargets.length = 0;
}

/** Applies a hit; kills and deaths count only while Playing (Warmup is practice). */
function damage(
  world: World,
  victim: SimPlayer,
  shooterId: number,
  amount: number,
  events: GameEvent[],
): void {
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

function respawn(world: World): void {
  for (const p of world.players.values()) {
    if (!p.alive && world.tick >= p.respawnTick) spawnPlayer(world, p);
  }
}
