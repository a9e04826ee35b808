/** The simulation's plain data: a room's world, its players and projectiles, and their creation. */
import {
  ARENA,
  type Arena,
  FIRE_COOLDOWN_MS,
  type GameEvent,
  PROJECTILE_TTL_MS,
  RESPAWN_DELAY_MS,
  ROUND_DURATION_MS,
  ROUND_INTERMISSION_MS,
  ROUND_KILL_TARGET,
  RoundPhase,
  type RoundPhaseCode,
  SPAWN_PROTECTION_MS,
} from '../../protocol/index.js';
import type { HistoryFrame } from './history.js';

/** One player as the simulation sees it. */
export interface SimPlayer {
  readonly id: number;
  readonly name: string;
  x: number;
  y: number;
  /** Aim in wire units (1/ANGLE_SCALE rad). */
  aim: number;
  hp: number;
  alive: boolean;
  /** Keys held since the last applied input. */
  keys: number;
  /** Seq of the last applied input (0 before any). */
  lastSeq: number;
  /** How far behind the server this player saw the others when it sampled its last input, in ms (capped). */
  viewLagMs: number;
  respawnTick: number;
  protectedUntilTick: number;
  nextFireTick: number;
  kills: number;
  deaths: number;
}

/** A projectile in flight; positions in px, velocity in px/s. */
export interface SimProjectile {
  readonly id: number;
  readonly ownerId: number;
  x: number;
  y: number;
  readonly vx: number;
  readonly vy: number;
  readonly expiresTick: number;
  /** Lag compensation: the projectile is tested against players as they were this many ms ago. */
  readonly rewindMs: number;
}

/** Round state: which round, its phase, and the tick at which that phase ends. */
export interface SimRound {
  number: number;
  phase: RoundPhaseCode;
  phaseEndTick: number;
}

/** Durations converted to ticks for one tick rate, fixed for a world's lifetime. */
export interface SimTiming {
  readonly tickHz: number;
  readonly dtS: number;
  readonly fireCooldownTicks: number;
  readonly projectileTtlTicks: number;
  readonly respawnTicks: number;
  readonly protectionTicks: number;
  readonly roundTicks: number;
  readonly intermissionTicks: number;
  readonly killTarget: number;
}

/** A room's entire simulated state. Players iterate in join order, which keeps stepping deterministic. */
export interface World {
  tick: number;
  /** Server time of the current tick in ms (given to stepWorld; tick-derived when not given). */
  timeMs: number;
  rng: number;
  readonly arena: Arena;
  readonly timing: SimTiming;
  readonly players: Map<number, SimPlayer>;
  projectiles: SimProjectile[];
  nextProjectileId: number;
  readonly round: SimRound;
  /** Events produced by changes outside `stepWorld` (joins, leaves), flushed with the next step. */
  pendingEvents: GameEvent[];
  /** Recent player positions, newest last, for lag-compensated hits. */
  readonly history: HistoryFrame[];
}

/** Options of a new world. */
export interface WorldOptions {
  /** Simulation rate in Hz. */
  readonly tickHz: number;
  /** Seed of the world's PRNG. */
  readonly seed: number;
  /** Kills that end a round; defaults to ROUND_KILL_TARGET. */
  readonly killTarget?: number;
  /** Round length; defaults to ROUND_DURATION_MS. */
  readonly roundMs?: number;
  readonly arena?: Arena;
}

const ticksFor = (ms: number, tickHz: number) => Math.max(1, Math.ceil((ms * tickHz) / 1000));

/** Converts the rule durations to ticks at `tickHz`. */
export function timingFor(
  tickHz: number,
  killTarget = ROUND_KILL_TARGET,
  roundMs = ROUND_DURATION_MS,
): SimTiming {
  return Object.freeze({
    tickHz,
    dtS: 1 / tickHz,
    fireCooldownTicks: ticksFor(FIRE_COOLDOWN_MS, tickHz),
    projectileTtlTicks: ticksFor(PROJECTILE_TTL_MS, tickHz),
    respawnTicks: ticksFor(RESPAWN_DELAY_MS, tickHz),
    protectionTicks: ticksFor(SPAWN_PROTECTION_MS, tickHz),
    roundTicks: ticksFor(roundMs, tickHz),
    intermissionTicks: ticksFor(ROUND_INTERMISSION_MS, tickHz),
    killTarget,
  });
}

/** A fresh world at tick 0, first round playing. */
export function createWorld(opts: WorldOptions): World {
  const timing = timingFor(opts.tickHz, opts.killTarget, opts.roundMs);
  return {
    tick: 0,
    timeMs: 0,
    rng: opts.seed >>> 0,
    arena: opts.arena ?? ARENA,
    timing,
    players: new Map(),
    projectiles: [],
    nextProjectileId: 1,
    round: { number: 1, phase: RoundPhase.Playing, phaseEndTick: timing.roundTicks },
    pendingEvents: [],
    history: [],
  };
}
