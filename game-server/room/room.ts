/** One room: a simulated world, its members, and the frames it sends them each tick. */
import {
  ArenaId,
  arenaById,
  type ClientMessage,
  ClientMsg,
  EventKind,
  type GameEvent,
  NoticeCode,
  RoundPhase,
} from '../../protocol/index.js';
import {
  addPlayer,
  createWorld,
  removePlayer,
  type SimInput,
  standings,
  stepWorld,
  type World,
} from '../sim/index.js';
import { createChatLimiter, screenChat } from './chat-policy.js';
import { chatFrame, eventFrame, noticeFrame, pongFrame, rosterFrame, welcomeFrame } from './frames.js';
import { InputQueue } from './input-queue.js';
import type { RoomClient } from './room-client.js';
import type { JoinOutcome, RoomInfo, RoomOptions, RoomStats } from './room-types.js';
import { ClientStateView, StateSender } from './state-sender.js';
import type { TokenBucket } from './token-bucket.js';

/** Above this many buffered bytes a client's State frame is skipped (latest state wins, never queue). */
export const STATE_BACKPRESSURE_BYTES = 64 * 1024;
const ROSTER_EVENTS: ReadonlySet<number> = new Set([
  EventKind.Kill,
  EventKind.RoundStart,
  EventKind.RoundEnd,
]);

interface Member {
  readonly id: number;
  readonly name: string;
  readonly client: RoomClient;
  readonly inputs: InputQueue;
  readonly chat: TokenBucket;
  readonly view: ClientStateView;
}

/** A game room. All methods are synchronous and safe to call after a client closed. */
export class Room {
  readonly world: World;
  readonly stats: RoomStats = {
    stateFramesSkipped: 0,
    framesDropped: 0,
    chatRejected: 0,
    chatRateLimited: 0,
    inputsDropped: 0,
    inputsLate: 0,
  };
  private readonly members = new Map<number, Member>();
  private nextPlayerId = 1;
  private expiry: unknown;
  private disposedFlag = false;
  /** The State path: snapshots, baselines and delta frames. */
  readonly states: StateSender;

  constructor(private readonly opts: RoomOptions) {
    const arenaId = opts.arenaId ?? ArenaId.Standard;
    this.world = createWorld({ tickHz: opts.tickHz, seed: opts.seed, arena: arenaById(arenaId) });
    this.states = new StateSender(arenaId === ArenaId.Large);
    this.armExpiry();
  }

  get code(): string {
    return this.opts.code;
  }
  get name(): string {
    return this.opts.name;
  }
  get maxPlayers(): number {
    return this.opts.maxPlayers;
  }
  get isPrivate(): boolean {
    return this.opts.isPrivate;
  }
  get playerCount(): number {
    return this.members.size;
  }
  get hasSpace(): boolean {
    return !this.disposedFlag && this.members.size < this.opts.maxPlayers;
  }
  get disposed(): boolean {
    return this.disposedFlag;
  }

  /** The room as listed by the HTTP API. */
  info(): RoomInfo {
    const playing = this.world.round.phase === RoundPhase.Playing;
    return {
      code: this.code,
      name: this.name,
      players: this.members.size,
      maxPlayers: this.maxPlayers,
      state: playing ? 'playing' : 'intermission',
      private: this.isPrivate,
    };
  }

  /** Adds a player; sends it Welcome, then the new Roster to everyone. */
  join(name: string, client: RoomClient): JoinOutcome {
    if (this.disposedFlag) return { ok: false, error: 'room_not_found' };
    if (!this.hasSpace) return { ok: false, error: 'room_full' };
    this.disarmExpiry();
    const id = this.nextPlayerId++;
    addPlayer(this.world, id, name);
    const chat = createChatLimiter(this.opts.now);
    const member: Member = {
      id,
      name,
      client,
      inputs: new InputQueue(undefined, this.stats),
      chat,
      view: new ClientStateView(id, this.states.interest),
    };
    this.members.set(id, member);
    const o = this.opts;
    const welcome = welcomeFrame({
      playerId: id,
      code: o.code,
      roomName: o.name,
      tickHz: o.tickHz,
      snapshotHz: o.snapshotHz,
      maxPlayers: o.maxPlayers,
      arenaId: o.arenaId ?? ArenaId.Standard,
      serverTime: this.serverTime(),
    });
    client.cork(() => this.sendTo(member, welcome));
    this.broadcast(rosterFrame(standings(this.world)));
    return { ok: true, playerId: id };
  }

  /** Removes a player (its socket is gone or going); starts the expiry timer when the room empties. */
  leave(playerId: number): void {
    if (!this.members.delete(playerId)) return;
    removePlayer(this.world, playerId);
    if (this.disposedFlag) return;
    this.broadcast(rosterFrame(standings(this.world)));
    if (this.members.size === 0) this.armExpiry();
  }

  /** Handles a validated client message from `playerId`. */
  receive(playerId: number, msg: ClientMessage): void {
    const m = this.members.get(playerId);
    if (!m) return;
    if (msg[0] === ClientMsg.Input) {
      m.inputs.push({ seq: msg[1], keys: msg[2], aim: msg[3], viewTime: msg[5] });
      m.view.acknowledge(msg[4]);
    } else if (msg[0] === ClientMsg.Ping) this.sendTo(m, pongFrame(msg[1], this.serverTime()));
    else this.chat(m, msg[1]);
  }

  /** Inputs dropped so far for `playerId` (duplicates, stale seqs, queue overflow). */
  inputsDropped(playerId: number): number {
    return this.members.get(playerId)?.inputs.dropped ?? 0;
  }

  /** Advances the world one tick and sends this tick's State, Event and Roster frames. */
  tick(): void {
    const inputs = new Map<number, SimInput>();
    for (const m of this.members.values()) {
      const input = m.inputs.take();
      if (input) inputs.set(m.id, input);
    }
    const events = stepWorld(this.world, inputs, this.serverTime());
    if (this.members.size > 0) this.sendTick(events);
  }

  /** Ends every member's connection with `code`/`reason` and stops the room for good. */
  dispose(code: number, reason: string): void {
    if (this.disposedFlag) return;
    this.disposedFlag = true;
    this.disarmExpiry();
    const members = [...this.members.values()];
    this.members.clear();
    for (const m of members) m.client.end(code, reason);
  }

  private sendTick(events: GameEvent[]): void {
    const { tick } = this.world;
    const { tickHz, snapshotHz } = this.opts;
    const stateDue =
      Math.floor((tick * snapshotHz) / tickHz) > Math.floor(((tick - 1) * snapshotHz) / tickHz);
    if (stateDue) this.states.begin(this.world, this.serverTime());
    const eventBytes = events.length > 0 ? eventFrame(tick, events) : undefined;
    const roster = events.some((e) => ROSTER_EVENTS.has(e[0]))
      ? rosterFrame(standings(this.world))
      : undefined;
    for (const m of this.members.values()) {
      m.client.cork(() => {
        if (stateDue) this.sendState(m);
        if (eventBytes) this.sendTo(m, eventBytes);
        if (roster) this.sendTo(m, roster);
      });
    }
  }

  private sendState(m: Member): void {
    if (m.client.bufferedAmount() > STATE_BACKPRESSURE_BYTES) {
      this.stats.stateFramesSkipped += 1;
      return;
    }
    const { frame, state } = this.states.frameFor(m.view, this.world.players.get(m.id)?.lastSeq ?? 0);
    // A dropped frame never reaches the client, so it must not become a baseline.
    if (m.client.send(frame) === 2) this.stats.framesDropped += 1;
    else m.view.markSent(state);
  }

  private chat(m: Member, raw: string): void {
    const verdict = screenChat(m.chat, raw);
    if (verdict.ok) {
      this.broadcast(chatFrame(m.id, m.name, verdict.text, this.serverTime()));
      return;
    }
    if (verdict.notice === NoticeCode.ChatRateLimited) this.stats.chatRateLimited += 1;
    else this.stats.chatRejected += 1;
    this.sendTo(m, noticeFrame(verdict.notice, verdict.text));
  }

  private broadcast(frame: Uint8Array): void {
    for (const m of this.members.values()) this.sendTo(m, frame);
  }

  private sendTo(m: Member, frame: Uint8Array): void {
    if (m.client.send(frame) === 2) this.stats.framesDropped += 1;
  }

  private serverTime(): number {
    return Math.round(this.opts.now());
  }

  private armExpiry(): void {
    this.disarmExpiry();
    this.expiry = this.opts.timers.set(() => {
      this.expiry = undefined;
      if (this.members.size === 0 && !this.disposedFlag) {
        this.dispose(1000, 'room_expired');
        this.opts.onExpire(this);
      }
    }, this.opts.emptyTtlMs);
  }

  private disarmExpiry(): void {
    if (this.expiry !== undefined) this.opts.timers.clear(this.expiry);
    this.expiry = undefined;
  }
}
