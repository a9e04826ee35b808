/** The types a room is built from and reports: options, listing info, join outcomes and counters. */
import type { Room } from './room.js';
import type { Timers } from './timers.js';

/** Everything a room is built from. */
export interface RoomOptions {
  readonly code: string;
  readonly name: string;
  readonly maxPlayers: number;
  readonly isPrivate: boolean;
  readonly tickHz: number;
  readonly snapshotHz: number;
  /** How long the room outlives its last player. */
  readonly emptyTtlMs: number;
  readonly seed: number;
  /** Arena the room is played in (ArenaId); the large arena turns on interest management. @default ArenaId.Standard */
  readonly arenaId?: number;
  /** Monotonic clock in ms; serverTime on the wire is its rounded value. */
  readonly now: () => number;
  readonly timers: Timers;
  /** Called once when the room has been empty for emptyTtlMs (the registry forgets it). */
  readonly onExpire: (room: Room) => void;
}

/** A room as the public API lists it. */
export interface RoomInfo {
  readonly code: string;
  readonly name: string;
  readonly players: number;
  readonly maxPlayers: number;
  readonly state: 'playing' | 'intermission';
  readonly private: boolean;
}

/** Outcome of a join. */
export type JoinOutcome =
  | { ok: true; playerId: number }
  | { ok: false; error: 'room_full' | 'room_not_found' };

/** Counters of what a room dropped or refused. */
export interface RoomStats {
  stateFramesSkipped: number;
  framesDropped: number;
  chatRejected: number;
  chatRateLimited: number;
  /** Inputs refused by the per-player queues (duplicate, stale, future seq, overflow). */
  inputsDropped: number;
  /** Inputs skipped by the queues to catch up after a burst (their fire presses are kept). */
  inputsLate: number;
}
