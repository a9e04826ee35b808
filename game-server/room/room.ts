/** One room: a simulated world, its members, and the frames it sends them each tick. */
import {
  ArenaId,
  type ClientMessage,
  CloseCode,
  GameMode,
  Role,
  type RoleCode,
  RoundPhase,
} from '../../protocol/index.js';
import {
  addPlayer,
  removePlayer,
  type SimInput,
  snapshotPickups,
  stepWorld,
  type World,
} from '../sim/index.js';
import { BotMembers } from './bot-members.js';
import { createChatLimiter } from './chat-policy.js';
import type { InputQueue } from './input-queue.js';
import { pickupsFrame } from './match-frames.js';
import { rebalanceAfter, teamForJoin } from './match-teams.js';
import { receiveMessage } from './message-intake.js';
import type { RoomClient } from './room-client.js';
import { type Member, RoomMembers } from './room-members.js';
import { arenaOf, createRoomWorld, roomWelcomeFrame } from './room-options.js';
import {
  createRoomStats,
  type JoinOutcome,
  type RoomInfo,
  type RoomOptions,
  type RoomStats,
} from './room-types.js';
import { attachSeat, detachSeat, isAway } from './seats.js';
import { StateSender } from './state-sender.js';
import { TickSender } from './tick-sender.js';
import { OneShotTimer } from './timers.js';

export { STATE_BACKPRESSURE_BYTES } from './tick-sender.js';

/** A game room. All methods are synchronous and safe to call after a client closed. */
export class Room {
  readonly world: World;
  readonly stats: RoomStats = createRoomStats();
  /** The State path: snapshots, baselines and delta frames. */
  readonly states: StateSender;
  private readonly members: RoomMembers;
  private readonly sender: TickSender;
  private readonly bots: BotMembers;
  private readonly expiry: OneShotTimer;
  private nextPlayerId = 1;
  private disposedFlag = false;
  /**
   * This tick's inputs by player id, rewritten every tick (stepWorld does not keep it): each player's
   * entry is overwritten or deleted, never the whole map cleared. A cleared Map gets a new, minimal
   * table, which then grows twice or three times as a room's inputs fill it, every tick.
   */
  private readonly tickInputs = new Map<number, SimInput>();

  constructor(private readonly opts: RoomOptions) {
    this.world = createRoomWorld(opts);
    this.states = new StateSender(arenaOf(opts) === ArenaId.Large);
    this.bots = new BotMembers(opts.bots ?? null, opts.seed);
    this.members = new RoomMembers(this.stats, opts.maxSpectators);
    this.sender = new TickSender({
      world: this.world,
      tickHz: opts.tickHz,
      snapshotHz: opts.snapshotHz,
      states: this.states,
      members: this.members,
      stats: this.stats,
      serverTime: this.serverTime,
    });
    this.expiry = new OneShotTimer(opts.timers);
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
    return this.members.players.size;
  }
  /** Appends the round trip each connected player last reported (ms) to `out` (players yet to report: none). */
  reportedRtts(out: number[]): void {
    this.members.reportedRtts(out);
  }
  get hasSpace(): boolean {
    return !this.disposedFlag && this.members.players.size < this.opts.maxPlayers;
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
      players: this.members.players.size,
      maxPlayers: this.maxPlayers,
      mode: this.world.mode === GameMode.TeamDeathmatch ? 'tdm' : 'ffa',
      bots: this.bots.size,
      spectators: this.members.spectators.size,
      state: playing ? 'playing' : 'intermission',
      private: this.isPrivate,
    };
  }

  /** Adds a player; sends it Welcome (with `tokenFor(id)` as its resume token), then the new Roster to everyone. */
  join(name: string, client: RoomClient, tokenFor?: (playerId: number) => string): JoinOutcome {
    if (this.disposedFlag) return { ok: false, error: 'room_not_found' };
    if (!this.hasSpace) return { ok: false, error: 'room_full' };
    this.expiry.disarm();
    const id = this.nextPlayerId++;
    addPlayer(this.world, id, name, { team: teamForJoin(this.world) });
    const chat = createChatLimiter(this.opts.now);
    const member = this.members.addPlayer(id, name, client, chat, this.states.interest);
    this.syncBots();
    this.greet(member, tokenFor?.(id) ?? '');
    return { ok: true, playerId: id };
  }

  /**
   * Adds a spectator (even to a full room, up to maxSpectators): Welcome with role Spectator and its
   * own id (never a player's), Pickups and Roster; then every State with all entities.
   */
  watch(name: string, client: RoomClient): JoinOutcome {
    if (this.disposedFlag) return { ok: false, error: 'room_not_found' };
    if (!this.members.spectators.hasSpace) return { ok: false, error: 'room_full' };
    this.expiry.disarm();
    const id = this.nextPlayerId++;
    const chat = createChatLimiter(this.opts.now);
    const s = this.members.spectators.add(id, name, client, chat, this.states.interest);
    const frames = [
      this.welcomeFrame(id, '', Role.Spectator),
      this.members.rosterFrame(this.world),
      pickupsFrame(snapshotPickups(this.world)),
    ];
    client.cork(() => {
      for (const f of frames) this.members.sendTo(s, f);
    });
    return { ok: true, playerId: id };
  }

  /** True if a spectator may join. */
  get hasSpectatorSpace(): boolean {
    return !this.disposedFlag && this.members.spectators.hasSpace;
  }

  /** Holds a dropped player's seat (seats.ts): it stays in the world, Away, until attach or leave. */
  detach(playerId: number): boolean {
    const m = this.members.players.get(playerId);
    if (!m || this.disposedFlag || isAway(m)) return false;
    detachSeat(m, this.world, this.stats);
    this.members.broadcast(this.members.rosterFrame(this.world));
    return true;
  }

  /**
   * Gives a seat a new connection: Welcome with `resumeToken`, Roster, then a full State. A previous
   * client still connected is ended with CloseCode.Replaced. False if the seat is gone.
   */
  attach(playerId: number, client: RoomClient, resumeToken: string): boolean {
    const m = this.members.players.get(playerId);
    if (!m || this.disposedFlag) return false;
    const replaced = attachSeat(m, client, this.world, this.stats, this.states.interest);
    replaced?.end(CloseCode.Replaced, 'replaced: this seat was resumed by another connection');
    this.greet(m, resumeToken);
    return true;
  }

  /** True while `playerId`'s seat is held for a dropped connection. */
  isDetached(playerId: number): boolean {
    return this.members.isDetached(playerId);
  }

  /** Removes a player (its socket is gone or going); starts the expiry timer when the room empties. */
  leave(playerId: number): void {
    if (this.members.spectators.remove(playerId)) {
      if (!this.disposedFlag && this.members.isEmpty()) this.armExpiry();
      return;
    }
    if (!this.members.players.delete(playerId)) return;
    removePlayer(this.world, playerId);
    if (this.disposedFlag) return;
    this.syncBots();
    this.members.broadcast(this.members.rosterFrame(this.world));
    if (this.members.isEmpty()) this.armExpiry();
  }

  /** Handles a validated client message from `playerId`. */
  receive(playerId: number, msg: ClientMessage): void {
    receiveMessage(this.members, playerId, msg, this.stats, this.serverTime);
  }

  /**
   * The input queue of `playerId`'s connection, for the connection to hand its Inputs straight to
   * (`queueInput`): an Input then touches its queue only, not the room's tables. A seat gets a new queue
   * only with a new connection (detach, attach). Undefined for spectators and unknown ids.
   */
  inputsOf(playerId: number): InputQueue | undefined {
    return this.members.players.get(playerId)?.inputs;
  }

  /** Advances the world one tick and sends this tick's State, Event and Roster frames. */
  tick(): void {
    const inputs = this.tickInputs;
    const taken = this.bots.collectInputs(this.world, inputs) + this.members.takeInputs(inputs);
    // More entries than inputs taken: some are of players who left (rarely). Drop them.
    if (inputs.size !== taken) this.dropInputsOfGone(inputs);
    const events = stepWorld(this.world, inputs, this.serverTime());
    rebalanceAfter(this.world, events);
    if (this.members.isEmpty()) return;
    this.sender.send(events);
  }

  /** Deletes the inputs of ids that are neither a player's nor a bot's any more. */
  private dropInputsOfGone(inputs: Map<number, SimInput>): void {
    for (const id of inputs.keys()) {
      if (!this.members.players.has(id) && !this.bots.has(id)) inputs.delete(id);
    }
  }

  /** Ends every member's connection with `code`/`reason` and stops the room for good. */
  dispose(code: number, reason: string): void {
    if (this.disposedFlag) return;
    this.disposedFlag = true;
    this.expiry.disarm();
    this.members.closeAll(code, reason);
  }

  /** Adds or removes bots after a human joined or left (bots make room for humans). */
  private syncBots(): void {
    this.bots.sync(this.world, this.members.players.size, this.opts.maxPlayers, () => this.nextPlayerId++);
  }

  /**
   * Sends a (re)seated player Welcome with `resumeToken`, the new Roster and the Pickups in one cork,
   * then everyone else the new Roster.
   */
  private greet(m: Member, resumeToken: string): void {
    const roster = this.members.rosterFrame(this.world);
    const frames = [this.welcomeFrame(m.id, resumeToken), roster, pickupsFrame(snapshotPickups(this.world))];
    m.client.cork(() => {
      for (const f of frames) this.members.sendTo(m, f);
    });
    this.members.broadcast(roster, m);
  }

  private welcomeFrame(playerId: number, resumeToken: string, role: RoleCode = Role.Player): Uint8Array {
    return roomWelcomeFrame(this.opts, this.world, playerId, resumeToken, role, this.serverTime());
  }

  private readonly serverTime = (): number => Math.round(this.opts.now());

  /** No human is connected (bots do not count): after emptyTtlMs the room expires. */
  private armExpiry(): void {
    this.expiry.arm(() => {
      if (this.members.isEmpty() && !this.disposedFlag) {
        this.dispose(1000, 'room_expired');
        this.opts.onExpire(this);
      }
    }, this.opts.emptyTtlMs);
  }
}
