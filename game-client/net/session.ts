/** Client networking, free of rendering: one room session tying connection, clock, snapshots, input and prediction. */
import {
  ARENA,
  ClientMsg,
  type GameEvent,
  type NoticeMsg,
  type RosterEntry,
  RoundPhase,
  type ServerChatMsg,
  type StateMsg,
  type WelcomeMsg,
} from '../../protocol/index.js';
import { ServerClock } from './clock.js';
import { type CloseInfo, Connection, type SocketFactory } from './connection.js';
import { Emitter } from './emitter.js';
import { type HeldInput, InputSender } from './input-sender.js';
import { Predictor } from './prediction.js';
import { type PlayerView, type ProjectileView, type RoundView, snapshotFromState } from './snapshot.js';
import { DEFAULT_INTERPOLATION_DELAY_MS, SnapshotBuffer } from './snapshot-buffer.js';

/** What Welcome told us about the room and ourselves. */
export interface RoomInfo {
  readonly playerId: number;
  readonly roomCode: string;
  readonly roomName: string;
  readonly tickHz: number;
  readonly snapshotHz: number;
  readonly maxPlayers: number;
}

/** A roster row: name and score of one player. */
export interface RosterRow {
  readonly id: number;
  readonly name: string;
  readonly kills: number;
  readonly deaths: number;
}

/** Everything a renderer needs for one frame. */
export interface SessionFrame {
  /** The own player at its predicted position, if it exists in the world yet. */
  readonly me: PlayerView | null;
  /** Every other player, interpolated. */
  readonly others: readonly PlayerView[];
  readonly projectiles: readonly ProjectileView[];
  readonly round: RoundView;
  /** Tick being displayed for remote entities. */
  readonly tick: number;
}

/** Events a session emits. Game events are released when the render time reaches their tick. */
export interface SessionEvents extends Record<string, unknown> {
  welcome: RoomInfo;
  roster: readonly RosterRow[];
  chat: ServerChatMsg;
  notice: NoticeMsg;
  game: GameEvent;
  close: CloseInfo;
}

/** Options of a session. */
export interface SessionOptions {
  /** The WebSocket URL including the join query. */
  readonly url: string;
  readonly socketFactory: SocketFactory;
  /** Monotonic client clock in ms. @default performance.now */
  readonly now?: () => number;
  /** Interpolation delay for remote entities; by default 100 ms or two snapshot periods, whichever is longer. */
  readonly interpolationDelayMs?: number;
  /** Ping period in ms. @default 1000 */
  readonly pingIntervalMs?: number;
}

const NO_INPUT: HeldInput = { keys: 0, aimRad: 0 };
const MAX_QUEUED_EVENT_TICKS = 256;

/** One connection to one room, from connect to close. */
export class Session extends Emitter<SessionEvents> {
  readonly clock = new ServerClock();
  readonly buffer: SnapshotBuffer;
  private readonly connection: Connection;
  private readonly now: () => number;
  private readonly pingIntervalMs: number;
  private readonly explicitDelay: boolean;
  private info: RoomInfo | null = null;
  private predictor: Predictor | null = null;
  private sender: InputSender | null = null;
  private readInput: () => HeldInput = () => NO_INPUT;
  private readonly rosterRows = new Map<number, RosterRow>();
  private readonly queuedEvents: { tick: number; events: readonly GameEvent[] }[] = [];
  private inputTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private lastFrameAt = Number.NaN;
  private lastState: StateMsg | null = null;
  private last: SessionFrame | null = null;
  private ended = false;

  constructor(options: SessionOptions) {
    super();
    this.now = options.now ?? (() => performance.now());
    this.pingIntervalMs = options.pingIntervalMs ?? 1000;
    this.explicitDelay = options.interpolationDelayMs !== undefined;
    this.buffer = new SnapshotBuffer({
      interpolationDelayMs: options.interpolationDelayMs ?? DEFAULT_INTERPOLATION_DELAY_MS,
    });
    this.connection = new Connection(options.url, options.socketFactory);
    this.connection.on('welcome', (m) => this.onWelcome(m));
    this.connection.on('state', (m) => this.onState(m));
    this.connection.on('pong', ([, clientTime, serverTime]) =>
      this.clock.addPong(clientTime, serverTime, this.now()),
    );
    this.connection.on('roster', ([, entries]) => this.onRoster(entries));
    this.connection.on('event', ([, tick, events]) => {
      this.queuedEvents.push({ tick, events });
      if (this.queuedEvents.length > MAX_QUEUED_EVENT_TICKS) this.releaseEvents(Number.POSITIVE_INFINITY);
    });
    this.connection.on('chat', (m) => this.emit('chat', m));
    this.connection.on('notice', (m) => this.emit('notice', m));
    this.connection.on('close', (info) => this.onClose(info));
  }

  /** Room and identity once welcomed, else null. */
  get room(): RoomInfo | null {
    return this.info;
  }

  /** True between Welcome and close. */
  get connected(): boolean {
    return this.info !== null && !this.ended && this.connection.isOpen;
  }

  /** Tick of the latest State received (0 before any). */
  get latestTick(): number {
    return this.lastState?.[1] ?? 0;
  }

  /** The frame most recently built by `frame()`, for readers that must not advance it (the HUD). */
  get lastFrame(): SessionFrame | null {
    return this.last;
  }

  /** The current roster, in server order. */
  get roster(): readonly RosterRow[] {
    return [...this.rosterRows.values()];
  }

  /** Looks up a player's name (empty if unknown). */
  nameOf(id: number): string {
    return this.rosterRows.get(id)?.name ?? '';
  }

  /** Sets where held keys and aim are read from, once per tick. */
  setInputSource(read: () => HeldInput): void {
    this.readInput = read;
  }

  /** Sends a chat line. */
  sendChat(text: string): void {
    const t = text.trim();
    if (t) this.connection.send([ClientMsg.Chat, t]);
  }

  /** Leaves: closes the socket and stops timers. */
  leave(): void {
    this.connection.close();
  }

  /** Builds the frame to draw at client time `now` and releases the game events it has reached. */
  frame(now = this.now()): SessionFrame | null {
    const dt = Number.isNaN(this.lastFrameAt) ? 0 : now - this.lastFrameAt;
    this.lastFrameAt = now;
    this.sender?.update(now);
    const sampled = this.buffer.sample(this.renderServerNow(now));
    if (!sampled || !this.info) return null;
    this.releaseEvents(sampled.tick);
    const myId = this.info.playerId;
    let me: PlayerView | null = null;
    const others: PlayerView[] = [];
    for (const p of sampled.players) if (p.id !== myId) others.push(p);
    const latestMe = this.buffer.latest?.players.get(myId);
    const predicted = this.predictor?.renderPosition(dt);
    if (latestMe) me = predicted ? { ...latestMe, x: predicted.x, y: predicted.y } : latestMe;
    this.last = { me, others, projectiles: sampled.projectiles, round: sampled.round, tick: sampled.tick };
    return this.last;
  }

  private renderServerNow(now: number): number {
    return this.clock.serverNow(now);
  }

  private onWelcome(m: WelcomeMsg): void {
    const [, , playerId, roomCode, roomName, tickHz, snapshotHz, maxPlayers, serverTime] = m;
    this.info = { playerId, roomCode, roomName, tickHz, snapshotHz, maxPlayers };
    this.clock.seed(serverTime, this.now());
    if (!this.explicitDelay && snapshotHz > 0) {
      this.buffer.interpolationDelayMs = Math.max(
        DEFAULT_INTERPOLATION_DELAY_MS,
        Math.ceil(2000 / snapshotHz),
      );
    }
    this.predictor = new Predictor({ tickHz, arena: ARENA });
    this.sender = new InputSender({
      tickHz,
      read: () => this.readInput(),
      send: (input) => {
        this.connection.send([ClientMsg.Input, input.seq, input.keys, input.aim, this.latestTick, 0]);
        this.predictor?.applyInput(input);
      },
    });
    this.scheduleInput();
    this.ping();
    this.pingTimer = setInterval(() => this.ping(), this.pingIntervalMs);
    this.emit('welcome', this.info);
  }

  private onState(m: StateMsg): void {
    this.lastState = m;
    const snap = snapshotFromState(m);
    if (!this.clock.ready) this.clock.seed(snap.serverTime, this.now());
    this.buffer.push(snap);
    const me = this.info ? snap.players.get(this.info.playerId) : undefined;
    if (me && this.predictor) {
      const canMove = me.alive && snap.round.phase === RoundPhase.Playing;
      this.predictor.reconcile(snap.ack, me, canMove);
    }
  }

  private onRoster(entries: readonly RosterEntry[]): void {
    this.rosterRows.clear();
    for (const [id, name, kills, deaths] of entries) this.rosterRows.set(id, { id, name, kills, deaths });
    this.emit('roster', this.roster);
  }

  private releaseEvents(upToTick: number): void {
    while (this.queuedEvents.length > 0 && this.queuedEvents[0]!.tick <= upToTick) {
      const batch = this.queuedEvents.shift()!;
      for (const e of batch.events) this.emit('game', e);
    }
  }

  private scheduleInput(): void {
    if (this.ended || !this.sender) return;
    this.sender.update(this.now());
    const wait = Math.max(1, this.sender.msUntilNext(this.now()));
    this.inputTimer = setTimeout(() => this.scheduleInput(), wait);
  }

  private ping(): void {
    this.connection.send([ClientMsg.Ping, this.now()]);
  }

  private onClose(info: CloseInfo): void {
    this.ended = true;
    clearTimeout(this.inputTimer);
    clearInterval(this.pingTimer);
    this.predictor?.reset();
    this.emit('close', info);
  }
}
