/** A room's connections: its players (seats that detach and attach) and spectators, and the frame sends to them. */
import { type SimInput, standings, type World } from '../sim/index.js';
import { pingsFrame, rosterFrame } from './frames.js';
import { InputQueue } from './input-queue.js';
import type { RoomClient } from './room-client.js';
import type { RoomStats } from './room-types.js';
import { isAway, type SeatLink, withAway } from './seats.js';
import { Spectators } from './spectators.js';
import { ClientStateView } from './state-sender.js';
import type { TokenBucket } from './token-bucket.js';

/** A player's connection: its seat (client, input queue, State view) plus its name and chat limiter. */
export interface Member extends SeatLink {
  readonly name: string;
  readonly chat: TokenBucket;
  /** The round trip its client last reported in a Ping (ms); 0 until it reported one. */
  rttMs: number;
}

/** What the State path reads of a connection's Inputs: its newest baseTick claim and the seq of the last input applied. */
export interface StateAcks {
  readonly baseTick: number;
  readonly lastSeq: number;
}

/** What the State, chat and send paths need of a connection: a player or a spectator. */
export type Viewer = Pick<Member, 'id' | 'name' | 'client' | 'chat' | 'view'> & {
  readonly inputs: StateAcks;
};

/** The players and spectators of one room; frames they drop are counted in the room's stats. */
export class RoomMembers {
  /** Players by id, in join order. */
  readonly players = new Map<number, Member>();
  readonly spectators: Spectators;

  constructor(
    private readonly stats: RoomStats,
    maxSpectators: number | undefined,
  ) {
    this.spectators = new Spectators(maxSpectators);
  }

  /** Adds a player with a fresh input queue and State view (`interest`: filtered to what it can see). */
  addPlayer(id: number, name: string, client: RoomClient, chat: TokenBucket, interest: boolean): Member {
    const member: Member = {
      id,
      name,
      client,
      inputs: new InputQueue(this.stats),
      chat,
      view: new ClientStateView(id, interest ? 'near' : 'shared'),
      rttMs: 0,
    };
    this.players.set(id, member);
    return member;
  }

  /** True while `playerId`'s seat is held for a dropped connection. */
  isDetached(playerId: number): boolean {
    const m = this.players.get(playerId);
    return m !== undefined && isAway(m);
  }

  /** The Roster frame of `world`, with the players whose seats are detached flagged Away. */
  rosterFrame(world: World): Uint8Array {
    return rosterFrame(withAway(standings(world), (id) => this.isDetached(id)));
  }

  /** The connected players that reported a round trip, in join order (every 2 s and at scrapes: not per tick). */
  private *reporting(): Generator<Member> {
    for (const m of this.players.values()) if (m.rttMs > 0 && !isAway(m)) yield m;
  }

  /** The Pings frame of the players that reported a round trip; undefined if none did. */
  pingsFrame(): Uint8Array | undefined {
    const pings: number[] = [];
    for (const m of this.reporting()) pings.push(m.id, m.rttMs);
    return pings.length > 0 ? pingsFrame(pings) : undefined;
  }

  /** Appends the round trip of every connected player that reported one to `out`. */
  reportedRtts(out: number[]): void {
    for (const m of this.reporting()) out.push(m.rttMs);
  }

  /** No human is connected (players or spectators). Bots do not count. */
  isEmpty(): boolean {
    return this.players.size === 0 && this.spectators.size === 0;
  }

  /**
   * Takes each player's next queued input into `out`, by player id, and deletes the entry of each
   * player without one. Returns how many it set.
   */
  takeInputs(out: Map<number, SimInput>): number {
    let n = 0;
    for (const m of this.players.values()) {
      const input = m.inputs.take();
      if (input) {
        out.set(m.id, input);
        n++;
      } else out.delete(m.id);
    }
    return n;
  }

  /** Sends `frame` to one connection, counting it if the socket dropped it. */
  sendTo(m: Pick<Viewer, 'client'>, frame: Uint8Array): void {
    if (m.client.send(frame) === 2) this.stats.framesDropped += 1;
  }

  /** Sends `frame` to every player, then every spectator, except `except`. */
  broadcast(frame: Uint8Array, except?: Viewer): void {
    for (const m of this.viewers()) if (m !== except) this.sendTo(m, frame);
  }

  /** Forgets every player and spectator and ends their connections with `code`/`reason`. */
  closeAll(code: number, reason: string): void {
    const all: Viewer[] = [...this.players.values(), ...this.spectators.clear()];
    this.players.clear();
    for (const m of all) m.client.end(code, reason);
  }

  /** Players, then spectators: everyone who receives the room's frames. */
  private *viewers(): Generator<Viewer> {
    yield* this.players.values();
    yield* this.spectators.all();
  }
}
