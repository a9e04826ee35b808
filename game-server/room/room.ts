/** One room: a simulated world, its members, and the frames it sends them each tick. */
import {
  ArenaId,
  arenaById,
  type ClientMessage,
  ClientMsg,
  CloseCode,
  EventKind,
  type GameEvent,
  GameMode,
  NoticeCode,
  pickupPointsFor,
  Role,
  type RoleCode,
  RoundPhase,
} from '../../protocol/index.js';
import {
  addPlayer,
  createWorld,
  removePlayer,
  type SimInput,
  snapshotPickups,
  standings,
  stepWorld,
  type World,
} from '../sim/index.js';
import { BotMembers } from './bot-members.js';
import { createChatLimiter, screenChat } from './chat-policy.js';
import { chatFrame, eventFrame, noticeFrame, pongFrame, rosterFrame, welcomeFrame } from './frames.js';
import { InputQueue } from './input-queue.js';
import { pickupsFrame } from './match-frames.js';
import { rebalanceTeams, teamForJoin } from './match-teams.js';
import type { RoomClient } from './room-client.js';
import type { JoinOutcome, RoomInfo, RoomOptions, RoomStats } from './room-types.js';
import { attachSeat, detachSeat, isAway, withAway } from './seats.js';
import { Spectators } from './spectators.js';
import { ClientStateView, StateSender } from './state-sender.js';
import type { TokenBucket } from './token-bucket.js';

/** Above this many buffered bytes a client's State frame is skipped (latest state wins, never queue). */
export const STATE_BACKPRESSURE_BYTES = 64 * 1024;
const ROSTER_EVENTS: ReadonlySet<number> = new Set([
  EventKind.Kill,
  EventKind.RoundStart,
  EventKind.RoundEnd,
  EventKind.Countdown,
]);
/** Events after which teams may be rebalanced: everyone has just respawned for a new round. */
const REBALANCE_EVENTS: ReadonlySet<number> = new Set([EventKind.Countdown, EventKind.RoundStart]);

interface Member {
  readonly id: number;
  readonly name: string;
  client: RoomClient;
  inputs: InputQueue;
  readonly chat: TokenBucket;
  view: ClientStateView;
}
/** What the State, chat and send paths need of a connection: a player or a spectator. */
type Viewer = Pick<Member, 'id' | 'name' | 'client' | 'chat' | 'view'>;
interface TickOut {
  to: Viewer | undefined;
  state: boolean;
  event: Uint8Array | undefined;
  roster: Uint8Array | undefined;
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
  /** What sendTick writes to each viewer this tick, and to whom (read by writeTickOut). */
  private readonly tickOut: TickOut = { to: undefined, state: false, event: undefined, roster: undefined };
  private readonly bots: BotMembers;
  private readonly spectators: Spectators;
  /** world.pickupsVersion last sent in a Pickups frame. */
  private pickupsSent = 0;
  /** This tick's inputs by player id, refilled every tick (stepWorld does not keep it). */
  private readonly tickInputs = new Map<number, SimInput>();

  constructor(private readonly opts: RoomOptions) {
    const arenaId = opts.arenaId ?? ArenaId.Standard;
    this.world = createWorld({
      tickHz: opts.tickHz,
      seed: opts.seed,
      arena: arenaById(arenaId),
      mode: opts.mode ?? GameMode.FreeForAll,
      matchFlow: opts.matchFlow ?? true,
      pickups: pickupPointsFor(arenaId),
      ...(opts.killTarget === undefined ? {} : { killTarget: opts.killTarget }),
      ...(opts.roundMs === undefined ? {} : { roundMs: opts.roundMs }),
      ...(opts.timingMs === undefined ? {} : { timingMs: opts.timingMs }),
    });
    this.states = new StateSender(arenaId === ArenaId.Large);
    this.bots = new BotMembers(opts.bots ?? null, opts.seed);
    this.spectators = new Spectators(opts.maxSpectators);
    this.syncBots();
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
    // Warmup and countdown list as 'playing': the room is open to join and a round is under way or about to be.
    const playing = this.world.round.phase !== RoundPhase.Intermission;
    return {
      code: this.code,
      name: this.name,
      players: this.members.size,
      maxPlayers: this.maxPlayers,
      mode: this.world.mode === GameMode.TeamDeathmatch ? 'tdm' : 'ffa',
      bots: this.bots.size,
      spectators: this.spectators.size,
      state: playing ? 'playing' : 'intermission',
      private: this.isPrivate,
    };
  }

  /** Adds a player; sends it Welcome (with `tokenFor(id)` as its resume token), then the new Roster to everyone. */
  join(name: string, client: RoomClient, tokenFor?: (playerId: number) => string): JoinOutcome {
    if (this.disposedFlag) return { ok: false, error: 'room_not_found' };
    if (!this.hasSpace) return { ok: false, error: 'room_full' };
    this.disarmExpiry();
    const id = this.nextPlayerId++;
    addPlayer(this.world, id, name, { team: teamForJoin(this.world) });
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
    this.syncBots();
    const welcome = this.welcomeFrame(id, tokenFor?.(id) ?? '');
    client.cork(() => this.sendTo(member, welcome));
    this.broadcast(this.rosterFrame());
    this.sendTo(member, pickupsFrame(snapshotPickups(this.world)));
    return { ok: true, playerId: id };
  }

  /**
   * Adds a spectator (even to a full room, up to maxSpectators): Welcome with role Spectator and its
   * own id (never a player's), Pickups and Roster; then every State with all entities.
   */
  watch(name: string, client: RoomClient): JoinOutcome {
    if (this.disposedFlag) return { ok: false, error: 'room_not_found' };
    if (!this.spectators.hasSpace) return { ok: false, error: 'room_full' };
    this.disarmExpiry();
    const id = this.nextPlayerId++;
    const s = this.spectators.add(id, name, client, createChatLimiter(this.opts.now));
    const frames = [
      this.welcomeFrame(id, '', Role.Spectator),
      this.rosterFrame(),
      pickupsFrame(snapshotPickups(this.world)),
    ];
    client.cork(() => {
      for (const f of frames) this.sendTo(s, f);
    });
    return { ok: true, playerId: id };
  }

  /** True if a spectator may join. */
  get hasSpectatorSpace(): boolean {
    return !this.disposedFlag && this.spectators.hasSpace;
  }

  /** Holds a dropped player's seat (seats.ts): it stays in the world, Away, until attach or leave. */
  detach(playerId: number): boolean {
    const m = this.members.get(playerId);
    if (!m || this.disposedFlag || isAway(m)) return false;
    detachSeat(m, this.world, this.stats);
    this.broadcast(this.rosterFrame());
    return true;
  }

  /**
   * Gives a seat a new connection: Welcome with `resumeToken`, Roster, then a full State. A previous
   * client still connected is ended with CloseCode.Replaced. False if the seat is gone.
   */
  attach(playerId: number, client: RoomClient, resumeToken: string): boolean {
    const m = this.members.get(playerId);
    if (!m || this.disposedFlag) return false;
    const replaced = attachSeat(m, client, this.world, this.stats, this.states.interest);
    replaced?.end(CloseCode.Replaced, 'replaced: this seat was resumed by another connection');
    const welcome = this.welcomeFrame(playerId, resumeToken);
    client.cork(() => this.sendTo(m, welcome));
    this.broadcast(this.rosterFrame());
    this.sendTo(m, pickupsFrame(snapshotPickups(this.world)));
    return true;
  }

  /** True while `playerId`'s seat is held for a dropped connection. */
  isDetached(playerId: number): boolean {
    const m = this.members.get(playerId);
    return m !== undefined && isAway(m);
  }

  /** Removes a player (its socket is gone or going); starts the expiry timer when the room empties. */
  leave(playerId: number): void {
    if (this.spectators.remove(playerId)) {
      if (!this.disposedFlag && this.isEmpty()) this.armExpiry();
      return;
    }
    if (!this.members.delete(playerId)) return;
    removePlayer(this.world, playerId);
    if (this.disposedFlag) return;
    this.syncBots();
    this.broadcast(this.rosterFrame());
    if (this.isEmpty()) this.armExpiry();
  }

  /** Handles a validated client message from `playerId`. */
  receive(playerId: number, msg: ClientMessage): void {
    const m = this.members.get(playerId);
    if (!m) {
      const s = this.spectators.get(playerId);
      // A spectator has no player: its Inputs are ignored, Ping and Chat work as for players.
      if (s && msg[0] === ClientMsg.Ping) this.sendTo(s, pongFrame(msg[1], this.serverTime()));
      else if (s && msg[0] === ClientMsg.Chat) this.chat(s, msg[1]);
      return;
    }
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
    const inputs = this.tickInputs;
    inputs.clear();
    this.bots.collectInputs(this.world, inputs);
    for (const m of this.members.values()) {
      const input = m.inputs.take();
      if (input) inputs.set(m.id, input);
    }
    const events = stepWorld(this.world, inputs, this.serverTime());
    if (events.some((e) => REBALANCE_EVENTS.has(e[0]))) rebalanceTeams(this.world);
    if (this.members.size + this.spectators.size === 0) return;
    this.sendTick(events);
    if (this.world.pickupsVersion !== this.pickupsSent) {
      this.pickupsSent = this.world.pickupsVersion;
      this.broadcast(pickupsFrame(snapshotPickups(this.world)));
    }
  }

  /** Ends every member's connection with `code`/`reason` and stops the room for good. */
  dispose(code: number, reason: string): void {
    if (this.disposedFlag) return;
    this.disposedFlag = true;
    this.disarmExpiry();
    const members: Viewer[] = [...this.members.values(), ...this.spectators.clear()];
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
    const roster = events.some((e) => ROSTER_EVENTS.has(e[0])) ? this.rosterFrame() : undefined;
    const out = this.tickOut;
    out.state = stateDue;
    out.event = eventBytes;
    out.roster = roster;
    // One callback for every cork (no closure per client per tick): cork runs it synchronously.
    // Two plain loops rather than viewers(): a generator costs an iterator result per client.
    for (const m of this.members.values()) {
      out.to = m;
      m.client.cork(this.writeTickOut);
    }
    for (const s of this.spectators.all()) {
      out.to = s;
      s.client.cork(this.writeTickOut);
    }
    out.to = undefined;
  }

  /** Writes this tick's frames (tickOut) to tickOut.to, inside its cork. */
  private readonly writeTickOut = (): void => {
    const { to, state, event, roster } = this.tickOut;
    if (!to) return;
    if (state) this.sendState(to);
    if (event) this.sendTo(to, event);
    if (roster) this.sendTo(to, roster);
  };

  private sendState(m: Viewer): void {
    if (m.client.bufferedAmount() > STATE_BACKPRESSURE_BYTES) {
      this.stats.stateFramesSkipped += 1;
      return;
    }
    const frame = this.states.frameFor(m.view, this.world.players.get(m.id)?.lastSeq ?? 0);
    // A dropped frame never reaches the client, so it must not become a baseline.
    if (m.client.send(frame) === 2) this.stats.framesDropped += 1;
    else this.states.markSent(m.view);
  }

  private chat(m: Viewer, raw: string): void {
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
    for (const m of this.viewers()) this.sendTo(m, frame);
  }

  /** Players, then spectators: everyone who receives the room's frames. */
  private *viewers(): Generator<Viewer> {
    yield* this.members.values();
    yield* this.spectators.all();
  }

  /** Adds or removes bots after a human joined or left (bots make room for humans). */
  private syncBots(): void {
    this.bots.sync(this.world, this.members.size, this.opts.maxPlayers, () => this.nextPlayerId++);
  }

  /** No human is connected (players or spectators): the empty-room expiry runs. Bots do not count. */
  private isEmpty(): boolean {
    return this.members.size === 0 && this.spectators.size === 0;
  }

  private sendTo(m: Pick<Viewer, 'client'>, frame: Uint8Array): void {
    if (m.client.send(frame) === 2) this.stats.framesDropped += 1;
  }

  private welcomeFrame(playerId: number, resumeToken: string, role: RoleCode = Role.Player): Uint8Array {
    const o = this.opts;
    return welcomeFrame({
      playerId,
      code: o.code,
      roomName: o.name,
      tickHz: o.tickHz,
      snapshotHz: o.snapshotHz,
      maxPlayers: o.maxPlayers,
      arenaId: o.arenaId ?? ArenaId.Standard,
      serverTime: this.serverTime(),
      mode: this.world.mode,
      role,
      resumeToken,
    });
  }

  private rosterFrame(): Uint8Array {
    return rosterFrame(withAway(standings(this.world), (id) => this.isDetached(id)));
  }

  private serverTime(): number {
    return Math.round(this.opts.now());
  }

  private armExpiry(): void {
    this.disarmExpiry();
    this.expiry = this.opts.timers.set(() => {
      this.expiry = undefined;
      if (this.isEmpty() && !this.disposedFlag) {
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
