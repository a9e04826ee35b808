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
  /**
   * No interest filtering (a spectator follows anyone, so it gets every entity), and no baseline: its
   * Inputs are ignored, so it never acks, gets full frames and holds no state of the room ring.
   */
  readonly view: ClientStateView;
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

  /** Adds a spectator with `id`. */
  add(id: number, name: string, client: RoomClient, chat: TokenBucket): Spectator {
    const s: Spectator = { id, name, client, chat, view: new ClientStateView(id, false) };
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
