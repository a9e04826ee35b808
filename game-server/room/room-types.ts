/** The types a room is built from and reports: options, listing info, join outcomes and counters (with their zero). */
import type { GameModeCode } from '../../protocol/index.js';
import type { MatchTimingMs } from '../sim/index.js';
import type { BotSpec } from './bot-members.js';
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
  /** @default GameMode.FreeForAll */
  readonly mode?: GameModeCode;
  /** Fill the room with bots up to a player count. @default null (no bots) */
  readonly bots?: BotSpec | null;
  /** Warmup until 2 players, a countdown before each round. @default true */
  readonly matchFlow?: boolean;
  /** Round settings (tests and operators; not exposed over HTTP). @default the protocol's rules */
  readonly killTarget?: number;
  readonly roundMs?: number;
  readonly timingMs?: Partial<MatchTimingMs>;
  /** Spectators accepted besides the players. @default MAX_SPECTATORS */
  readonly maxSpectators?: number;
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
  /** Human players (bots and spectators are not counted). */
  readonly players: number;
  readonly maxPlayers: number;
  readonly mode: 'ffa' | 'tdm';
  readonly bots: number;
  readonly spectators: number;
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
  /** Inputs refused by the per-player queues (duplicate, stale or future seq). */
  inputsDropped: number;
  /**
   * Inputs skipped by the queues to catch up after a burst (the oldest waiting one when another arrives
   * while the queue is full: nothing is dropped for lack of room) or to drain a standing queue (their
   * fire presses are kept).
   */
  inputsLate: number;
}

/** A room's counters, all zero. */
export function createRoomStats(): RoomStats {
  return {
    stateFramesSkipped: 0,
    framesDropped: 0,
    chatRejected: 0,
    chatRateLimited: 0,
    inputsDropped: 0,
    inputsLate: 0,
  };
}
