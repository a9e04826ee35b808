/** Lengths of the match-flow phases and of the pickup cycle, and their conversion to ticks. */

/** The freeze before a round, with the Countdown event. */
export const COUNTDOWN_MS = 3_000;
/** A team deathmatch round ends when one team has this many kills (the sum of its players' kills). */
export const TEAM_KILL_TARGET = 30;
/** A taken health pack comes back after this long. */
export const HEALTH_RESPAWN_MS = 15_000;
/** A taken power-up comes back after this long. */
export const POWER_UP_RESPAWN_MS = 30_000;
/** How long a power-up (double damage) lasts. */
export const POWER_UP_MS = 10_000;

/** Phase lengths a world may override (tests shorten them). */
export interface MatchTimingMs {
  readonly countdownMs: number;
  readonly intermissionMs: number;
}

/** `ms` in ticks at `tickHz`, rounded up, at least 1. */
export const ticksFor = (ms: number, tickHz: number) => Math.max(1, Math.ceil((ms * tickHz) / 1000));

/** `ticks` in ms at `tickHz`, rounded to the nearest ms. */
export const msFor = (ticks: number, tickHz: number) => Math.round((ticks * 1000) / tickHz);

/** The match-flow and pickup durations in ticks at `tickHz` (a countdown of 0 ms stays 0 ticks). */
export function matchTicks(tickHz: number, ms: MatchTimingMs) {
  return {
    countdownTicks: ms.countdownMs > 0 ? ticksFor(ms.countdownMs, tickHz) : 0,
    intermissionTicks: ticksFor(ms.intermissionMs, tickHz),
    healthRespawnTicks: ticksFor(HEALTH_RESPAWN_MS, tickHz),
    powerUpRespawnTicks: ticksFor(POWER_UP_RESPAWN_MS, tickHz),
    powerUpTicks: ticksFor(POWER_UP_MS, tickHz),
  };
}
