/** The simulation's plain data: a room's world, its players and projectiles, and their creation. */
import {
  ARENA,
  type Arena,
  FIRE_COOLDOWN_MS,
  type GameEvent,
  GameMode,
  type GameModeCode,
  PROJECTILE_TTL_MS,
  RESPAWN_DELAY_MS,
  ROUND_DURATION_MS,
  ROUND_INTERMISSION_MS,
  ROUND_KILL_TARGET,
  RoundPhase,
  type RoundPhaseCode,
  SPAWN_PROTECTION_MS,
  type TeamCode,
} from '../../protocol/index.js';
import type { HistoryFrame } from './history.js';
import { COUNTDOWN_MS, type MatchTimingMs, matchTicks, TEAM_KILL_TARGET, ticksFor } from './match-timing.js';
import type { PickupPoint, SimPickup } from './pickups.js';

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
  /** How far behind the server this player saw the others when it sampled its last input, in ms (capped). */
  viewLagMs: number;
  respawnTick: number;
  protectedUntilTick: number;
  nextFireTick: number;
  kills: number;
  deaths: number;
  /** Team (Team.None in free-for-all); changed only between lives (round start, rebalancing). */
  team: TeamCode;
  /** Run by the server (RosterFlag.Bot). */
  readonly bot: boolean;
  /** The power-up (double damage) lasts until this tick (exclusive). */
  poweredUntilTick: number;
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
  /** Damage on hit (doubled by the shooter's power-up when fired); PROJECTILE_DAMAGE when absent. */
  readonly damage?: number;
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
  /** Kills that end a round: per player in free-for-all, per team in team deathmatch. */
  readonly killTarget: number;
  /** Freeze before a round (0: none). */
  readonly countdownTicks: number;
  readonly healthRespawnTicks: number;
  readonly powerUpRespawnTicks: number;
  readonly powerUpTicks: number;
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
  readonly mode: GameModeCode;
  /** With match flow a world waits in Warmup for 2 players and counts down before each round. */
  readonly matchFlow: boolean;
  /** Pickup points in id order (empty unless given in WorldOptions). */
  readonly pickups: SimPickup[];
  /** Bumped whenever a pickup's availability changes (the room resends Pickups). */
  pickupsVersion: number;
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
  /** @default GameMode.FreeForAll */
  readonly mode?: GameModeCode;
  /** Warmup until 2 players, then a countdown before every round. @default false (a round plays at once) */
  readonly matchFlow?: boolean;
  /** Pickup points (see pickupPointsFor). @default none */
  readonly pickups?: readonly PickupPoint[];
  /** Countdown and intermission lengths (tests shorten them). */
  readonly timingMs?: Partial<MatchTimingMs>;
}

/** Converts the rule durations to ticks at `tickHz`. */
export function timingFor(
  tickHz: number,
  killTarget = ROUND_KILL_TARGET,
  roundMs = ROUND_DURATION_MS,
  match: Partial<MatchTimingMs> = {},
): SimTiming {
  return Object.freeze({
    ...matchTicks(tickHz, { countdownMs: 0, intermissionMs: ROUND_INTERMISSION_MS, ...match }),
    tickHz,
    dtS: 1 / tickHz,
    fireCooldownTicks: ticksFor(FIRE_COOLDOWN_MS, tickHz),
    projectileTtlTicks: ticksFor(PROJECTILE_TTL_MS, tickHz),
    respawnTicks: ticksFor(RESPAWN_DELAY_MS, tickHz),
    protectionTicks: ticksFor(SPAWN_PROTECTION_MS, tickHz),
    roundTicks: ticksFor(roundMs, tickHz),
    killTarget,
  });
}

/** A fresh world at tick 0: first round playing, or in Warmup with match flow. */
export function createWorld(opts: WorldOptions): World {
  const matchFlow = opts.matchFlow ?? false;
  const countdownMs = opts.timingMs?.countdownMs ?? (matchFlow ? COUNTDOWN_MS : 0);
  const mode = opts.mode ?? GameMode.FreeForAll;
  const killTarget = opts.killTarget ?? (mode === GameMode.TeamDeathmatch ? TEAM_KILL_TARGET : undefined);
  const timing = timingFor(opts.tickHz, killTarget, opts.roundMs, { ...opts.timingMs, countdownMs });
  return {
    tick: 0,
    timeMs: 0,
    rng: opts.seed >>> 0,
    arena: opts.arena ?? ARENA,
    timing,
    players: new Map(),
    projectiles: [],
    nextProjectileId: 1,
    round: matchFlow
      ? { number: 1, phase: RoundPhase.Warmup, phaseEndTick: 0 }
      : { number: 1, phase: RoundPhase.Playing, phaseEndTick: timing.roundTicks },
    mode,
    matchFlow,
    pickups: (opts.pickups ?? []).map((p, i) => ({ id: i + 1, kind: p.kind, x: p.x, y: p.y, readyTick: 0 })),
    pickupsVersion: 0,
    pendingEvents: [],
    history: [],
  };
}
