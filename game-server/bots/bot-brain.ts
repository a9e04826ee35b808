/** A bot's memory between ticks: plain immutable data, replaced (never mutated) by each decision. */
import type { BotDifficulty } from './bot-difficulty.js';

/** A point in arena px. */
export interface BotPoint {
  readonly x: number;
  readonly y: number;
}

/** Everything a bot remembers. Ticks are the world's ticks; 0 / null mean "none". */
export interface BotBrain {
  readonly difficulty: BotDifficulty;
  /** State of the bot's own PRNG. */
  readonly rng: number;
  /** Seq of the last input produced (inputs are numbered like a client's). */
  readonly seq: number;
  /** Where the bot is aiming, in radians. */
  readonly aimRad: number;
  /** Where it is walking to when it has nothing better to do. */
  readonly waypoint: BotPoint | null;
  /** Own position at the previous decision (null after death or a pause). */
  readonly lastPos: BotPoint | null;
  /** Ticks in a row it wanted to move but barely did. */
  readonly blockedTicks: number;
  /** Detours taken toward the current waypoint. */
  readonly stuckCount: number;
  /** A sideways direction tried to get around an obstacle, and until when. */
  readonly detourRad: number;
  readonly detourUntilTick: number;
  /** The enemy being fought (0: none), and the tick from which it may be shot at (reaction delay). */
  readonly targetId: number;
  readonly engageTick: number;
  /** Where a lost target was last seen, and until when it is worth going there. */
  readonly lastSeen: BotPoint | null;
  readonly lastSeenUntilTick: number;
  /** Current aim error (hand shake) and when it is next re-drawn. */
  readonly aimErrorRad: number;
  readonly aimErrorUntilTick: number;
  /** Strafing side (+1 / -1) while in range, and when it next changes. */
  readonly strafeSign: number;
  readonly strafeUntilTick: number;
}

/** A fresh brain for a bot of `difficulty`; `seed` makes its whole behaviour reproducible. */
export function createBotBrain(difficulty: BotDifficulty, seed: number): BotBrain {
  return {
    difficulty,
    rng: seed >>> 0,
    seq: 0,
    aimRad: 0,
    waypoint: null,
    lastPos: null,
    blockedTicks: 0,
    stuckCount: 0,
    detourRad: 0,
    detourUntilTick: 0,
    targetId: 0,
    engageTick: 0,
    lastSeen: null,
    lastSeenUntilTick: 0,
    aimErrorRad: 0,
    aimErrorUntilTick: 0,
    strafeSign: 1,
    strafeUntilTick: 0,
  };
}
