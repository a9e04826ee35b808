/** What every system's bot client looks like to the load generator. */
import type { AckTracker, BotCounters } from './bot-counters.js';

/** One connected bot client. */
export interface BotClient {
  /** Sends one input (aim in float radians); counts its payload bytes. */
  send(seq: number, keys: number, aim: number): void;
  /** Whether the connection is still open. */
  isOpen(): boolean;
  /**
   * Resolves once the client's room applies inputs. Absent: at once. Tickfire's rooms open with a
   * round countdown (players frozen); the warm-up starts after it, so that its inputs move players as
   * WORKLOAD.md's warm-up has them do in every system.
   */
  readonly playing?: Promise<void>;
  close(): void;
}

/** What a system needs to connect the clients of one room. */
export interface RoomJob {
  readonly port: number;
  readonly room: number;
  /** Global client indices of the room's 16 clients. */
  readonly indices: readonly number[];
  readonly counters: BotCounters;
  /** Ack tracker of each client, in `indices` order. */
  readonly trackers: readonly AckTracker[];
}

/** Connects all clients of one room (rooms are always exactly 16). */
export type ConnectRoom = (job: RoomJob) => Promise<BotClient[]>;
