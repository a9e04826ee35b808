/** A room's spectators: connections that watch (State, events, roster, pickups) and chat, with no player in the world. */
import type { RoomClient } from './room-client.js';
import { ClientStateView } from './state-sender.js';
import type { TokenBucket } from './token-bucket.js';

/** Spectators a room accepts besides its players (a full room still takes them). @default */
export const MAX_SPECTATORS = 8;

/** One spectator. Its id comes from the room's player ids, so it never names a player. */
export interface Spectator {
  readonly id: number;
  readonly name: string;
  readonly client: RoomClient;
  readonly chat: TokenBucket;
  /** What its Inputs carry that counts: the newest State it holds (the rest of an Input is ignored). */
  readonly inputs: SpectatorAcks;
  /**
   * No interest filtering (a spectator follows anyone, so it gets every entity). Deltas against the
   * State it acknowledged, like a player's; one that sends no Input never acks and gets full frames.
   */
  readonly view: ClientStateView;
}

/**
 * A spectator's acknowledgements, read by the State path where a player's input queue is: the baseTick
 * of its newest Input, and `lastSeq` 0 (no input is ever applied, so its States' `ack` is 0).
 */
export class SpectatorAcks {
  baseTick = 0;
  readonly lastSeq = 0;
}

/** The spectators of one room, up to a cap. */
export class Spectators {
  private readonly byId = new Map<number, Spectator>();

  constructor(readonly cap: number = MAX_SPECTATORS) {}

  /** Spectators watching. */
  get size(): number {
    return this.byId.size;
  }

  /** True if another spectator may join. */
  get hasSpace(): boolean {
    return this.byId.size < this.cap;
  }

  /** Adds a spectator with `id`; `interest`: the room manages interest (so keeps no shared states). */
  add(id: number, name: string, client: RoomClient, chat: TokenBucket, interest: boolean): Spectator {
    const view = new ClientStateView(id, interest ? 'all' : 'shared');
    const s: Spectator = { id, name, client, chat, inputs: new SpectatorAcks(), view };
    this.byId.set(id, s);
    return s;
  }

  /** The spectator with `id`, if any. */
  get(id: number): Spectator | undefined {
    return this.byId.get(id);
  }

  /** Removes a spectator; false if `id` is not one. */
  remove(id: number): boolean {
    return this.byId.delete(id);
  }

  /** Every spectator, in join order. */
  all(): IterableIterator<Spectator> {
    return this.byId.values();
  }

  /** Forgets every spectator and returns them (the room is closing). */
  clear(): Spectator[] {
    const all = [...this.byId.values()];
    this.byId.clear();
    return all;
  }
}
