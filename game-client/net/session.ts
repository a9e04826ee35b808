/** Client networking, free of rendering: one room session tying connection, clock, snapshots, input and prediction. */
import {
  type Arena,
  arenaById,
  ClientMsg,
  type GameEvent,
  GameMode,
  type GameModeCode,
  type NoticeMsg,
  type PickupEntry,
  Role,
  type RoleCode,
  type RosterEntry,
  RosterFlag,
  RoundPhase,
  type ServerChatMsg,
  type StateMsg,
  type TeamCode,
  type WelcomeMsg,
} from '../../protocol/index.js';
import { ServerClock } from './clock.js';
import { type CloseInfo, Connection, type SocketFactory } from './connection.js';
import { Emitter } from './emitter.js';
import { type HeldInput, InputSender, type SentInput } from './input-sender.js';
import { AdaptiveDelay } from './interp-delay.js';
import { PredictedShots, type ShotView } from './predicted-shots.js';
import { Predictor } from './prediction.js';
import { RateMeter } from './rate-meter.js';
import { type PlayerView, type ProjectileView, type RoundView, SnapshotDecoder } from './snapshot.js';
import { DEFAULT_INTERPOLATION_DELAY_MS, SnapshotBuffer } from './snapshot-buffer.js';
import { TickTimeline } from './tick-timeline.js';

/** What Welcome told us about the room and ourselves. */
export interface RoomInfo {
  readonly playerId: number;
  readonly roomCode: string;
  readonly roomName: string;
  readonly tickHz: number;
  readonly snapshotHz: number;
  readonly maxPlayers: number;
  /** The arena the room is played in (from Welcome's arena id). */
  readonly arena: Arena;
  /** Free-for-all or team deathmatch (Welcome.mode). */
  readonly mode: GameModeCode;
  /** Player or spectator (Welcome.role); spectators send no input. */
  readonly role: RoleCode;
}

/** A roster row: name and score of one player. */
export interface RosterRow {
  readonly id: number;
  readonly name: string;
  readonly kills: number;
  readonly deaths: number;
  /** Team per protocol Team (0 in free-for-all). */
  readonly team: TeamCode;
  /** Run by the server (RosterFlag.Bot). */
  readonly bot: boolean;
  /** Connection lost, seat kept (RosterFlag.Away). */
  readonly away: boolean;
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
  /** Own shots predicted locally (the server's copies of own projectiles are left out of `projectiles`). */
  readonly shots: readonly ShotView[];
}

/** What the net graph shows (and `window.tickfire.net` exposes). */
export interface NetGraphData {
  readonly rttMs: number;
  /** Round-trip jitter (median absolute deviation of RTT), ms. */
  readonly jitterMs: number;
  /** Snapshot arrival jitter (RFC 3550 style), ms. */
  readonly snapshotJitterMs: number;
  readonly serverTick: number;
  /** State frames received over the last second. */
  readonly snapshotRate: number;
  readonly bytesInPerS: number;
  readonly bytesOutPerS: number;
  /** Interpolation delay in use, ms. */
  readonly interpDelayMs: number;
  /** Times the render time ran past the newest snapshot. */
  readonly underruns: number;
  /** Frames drawn past the newest snapshot (extrapolated, or held once the bound is reached). */
  readonly extrapolatedFrames: number;
  /** How far the last frame's render time was past the newest snapshot, ms (0 while interpolating). */
  readonly overrunMs: number;
  /** Reconciliations that moved the prediction, and how many of them snapped. */
  readonly corrections: number;
  readonly snaps: number;
  readonly pendingInputs: number;
  readonly fps: number;
}

/** Events a session emits. Game events are released when the render time reaches their tick. */
export interface SessionEvents extends Record<string, unknown> {
  welcome: RoomInfo;
  roster: readonly RosterRow[];
  pickups: readonly PickupEntry[];
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
  /** A fixed interpolation delay for remote entities; by default it adapts to the measured jitter. */
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
  private pickupList: readonly PickupEntry[] = [];
  private readonly queuedEvents: { tick: number; events: readonly GameEvent[] }[] = [];
  private inputTimer: ReturnType<typeof setTimeout> | undefined;
  private pingTimer: ReturnType<typeof setInterval> | undefined;
  private lastFrameAt = Number.NaN;
  private lastState: StateMsg | null = null;
  private readonly decoder = new SnapshotDecoder();
  /** The latest resume token from Welcome ('' if the server gave none). Memory only. */
  private resumeSecret = '';
  /** True while a dropped connection waits for a resume (reconnect.ts). */
  private holding = false;
  /**
   * Asked on every close not made by leave(): true keeps the session alive, waiting for resume() or
   * end() (reconnect-session.ts sets it); unset or false ends the session.
   */
  holdOnDrop: ((info: CloseInfo) => boolean) | null = null;
  private last: SessionFrame | null = null;
  private ended = false;
  private adaptive: AdaptiveDelay | null = null;
  private timeline: TickTimeline | null = null;
  private shots: PredictedShots | null = null;
  private lastRenderTime = 0;
  private inUnderrun = false;
  private lastOverrunMs = 0;
  private lastReconciledTick = 0;
  private canAct = false;
  private readonly meters = {
    bytesIn: new RateMeter(),
    bytesOut: new RateMeter(),
    snapshots: new RateMeter(),
    frames: new RateMeter(),
  };
  /** Times the render time ran past the newest snapshot. */
  underruns = 0;
  /** Frames drawn past the newest snapshot. */
  extrapolatedFrames = 0;

  constructor(options: SessionOptions) {
    super();
    this.now = options.now ?? (() => performance.now());
    this.pingIntervalMs = options.pingIntervalMs ?? 1000;
    this.explicitDelay = options.interpolationDelayMs !== undefined;
    this.buffer = new SnapshotBuffer({
      interpolationDelayMs: options.interpolationDelayMs ?? DEFAULT_INTERPOLATION_DELAY_MS,
    });
    this.connection = new Connection(options.url, options.socketFactory);
    this.connection.onBytes = (dir, n) =>
      (dir === 'in' ? this.meters.bytesIn : this.meters.bytesOut).add(n, this.now());
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
    this.connection.on('pickups', ([, list]) => {
      this.pickupList = list;
      this.emit('pickups', list);
    });
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

  /** Every pickup point of the room as last sent (empty before any, or on a server without pickups). */
  get pickups(): readonly PickupEntry[] {
    return this.pickupList;
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
    if (this.holding) this.end({ code: 1000, reason: 'leaving', wasOpen: true, byClient: true, message: '' });
    this.connection.close();
  }

  /** The server time remote entities were last drawn at (sent as `viewTime` for lag compensation). */
  get renderTime(): number {
    return this.lastRenderTime;
  }

  /** Builds the frame to draw at client time `now` and releases the game events it has reached. */
  frame(now = this.now()): SessionFrame | null {
    const dt = Number.isNaN(this.lastFrameAt) ? 0 : now - this.lastFrameAt;
    this.lastFrameAt = now;
    this.meters.frames.add(1, now);
    const serverNow = this.clock.smoothServerNow(now);
    if (this.adaptive) this.buffer.interpolationDelayMs = this.adaptive.update(dt, serverNow - now);
    const renderTime = serverNow - this.buffer.interpolationDelayMs;
    const sampled = this.buffer.sampleAt(renderTime);
    if (!sampled || !this.info) return null;
    this.lastRenderTime = renderTime;
    this.sender?.update(now);
    this.countOverrun(sampled.overrunMs);
    this.releaseEvents(sampled.tick);
    const myId = this.info.playerId;
    let me: PlayerView | null = null;
    const others: PlayerView[] = [];
    for (const p of sampled.players) if (p.id !== myId) others.push(p);
    const latestMe = this.buffer.latest?.players.get(myId);
    const fraction = this.sender ? 1 - this.sender.msUntilNext(now) / this.sender.periodMs : 0;
    const predicted = this.predictor?.renderPosition(dt, this.readInput().keys, fraction);
    if (latestMe) me = predicted ? { ...latestMe, x: predicted.x, y: predicted.y } : latestMe;
    const shots =
      this.shots?.visible(
        now,
        others.filter((p) => p.alive),
      ) ?? [];
    const projectiles = this.shots
      ? sampled.projectiles.filter((p) => p.ownerId !== myId)
      : sampled.projectiles;
    this.last = { me, others, projectiles, round: sampled.round, tick: sampled.tick, shots };
    return this.last;
  }

  /** Everything the net graph shows, at client time `now`. */
  netStats(now = this.now()): NetGraphData {
    return {
      rttMs: this.clock.rttMs,
      jitterMs: this.clock.jitterMs,
      snapshotJitterMs: this.adaptive?.jitterMs ?? 0,
      serverTick: this.latestTick,
      snapshotRate: this.meters.snapshots.perSecond(now),
      bytesInPerS: this.meters.bytesIn.perSecond(now),
      bytesOutPerS: this.meters.bytesOut.perSecond(now),
      interpDelayMs: this.buffer.interpolationDelayMs,
      underruns: this.underruns,
      extrapolatedFrames: this.extrapolatedFrames,
      overrunMs: this.lastOverrunMs,
      corrections: this.predictor?.corrections ?? 0,
      snaps: this.predictor?.snaps ?? 0,
      pendingInputs: this.predictor?.pendingCount ?? 0,
      fps: this.meters.frames.perSecond(now),
    };
  }

  /** The own player's predicted position (no visual smoothing), or null. */
  get predictedPosition(): { readonly x: number; readonly y: number } | null {
    return this.predictor?.position ?? null;
  }

  private countOverrun(overrunMs: number): void {
    this.lastOverrunMs = overrunMs;
    if (overrunMs <= 0) {
      this.inUnderrun = false;
      return;
    }
    this.extrapolatedFrames += 1;
    if (this.inUnderrun) return;
    this.inUnderrun = true;
    this.underruns += 1;
    this.adaptive?.onUnderrun();
  }

  private sendInput(input: SentInput): void {
    const viewTime = Math.max(0, Math.round(this.lastRenderTime));
    this.connection.send([ClientMsg.Input, input.seq, input.keys, input.aim, this.latestTick, viewTime]);
    this.predictor?.applyInput(input);
    this.shots?.onInput(input.keys, input.aim, this.predictor?.position ?? null, this.canAct, this.now());
  }

  private onWelcome(m: WelcomeMsg): void {
    const [, , playerId, roomCode, roomName, tickHz, snapshotHz, maxPlayers, serverTime] = m;
    const arena = arenaById(m[9]);
    const mode = m[10] ?? GameMode.FreeForAll;
    const role = m[11] ?? Role.Player;
    this.info = { playerId, roomCode, roomName, tickHz, snapshotHz, maxPlayers, arena, mode, role };
    this.resumeSecret = m[12] ?? '';
    this.holding = false;
    this.clock.seed(serverTime, this.now());
    if (!this.explicitDelay && snapshotHz > 0) {
      this.adaptive = new AdaptiveDelay({ snapshotIntervalMs: 1000 / snapshotHz });
      this.buffer.interpolationDelayMs = this.adaptive.delayMs;
    }
    this.timeline = new TickTimeline({ tickHz });
    this.predictor = new Predictor({ tickHz, arena });
    this.shots = new PredictedShots(tickHz, arena);
    if (role !== Role.Spectator) {
      this.sender = new InputSender({ tickHz, read: () => this.readInput(), send: (i) => this.sendInput(i) });
      this.scheduleInput();
    }
    this.ping();
    this.pingTimer = setInterval(() => this.ping(), this.pingIntervalMs);
    this.emit('welcome', this.info);
  }

  private onState(m: StateMsg): void {
    const snap = this.decoder.decode(m);
    if (!snap) return; // its baseline is gone: not acknowledged, so the server falls back to an older one or a full frame
    this.lastState = m;
    const now = this.now();
    if (!this.clock.ready) this.clock.seed(snap.serverTime, now);
    this.meters.snapshots.add(1, now);
    // Remote motion is drawn on the server's tick grid, not the wall times late-running ticks were stamped with.
    const placed = this.timeline
      ? { ...snap, serverTime: this.timeline.place(snap.tick, snap.serverTime) }
      : snap;
    this.adaptive?.onSnapshot(placed.serverTime, now);
    this.buffer.push(placed);
    if (snap.tick <= this.lastReconciledTick) return;
    this.lastReconciledTick = snap.tick;
    const me = this.info ? snap.players.get(this.info.playerId) : undefined;
    if (me && this.predictor) {
      // Players move and shoot while Playing and in Warmup; never in Countdown or Intermission.
      const phase = snap.round.phase;
      const canMove = me.alive && (phase === RoundPhase.Playing || phase === RoundPhase.Warmup);
      if (!canMove) this.shots?.reset();
      this.canAct = canMove;
      this.predictor.reconcile(snap.ack, me, canMove);
    }
  }

  private onRoster(entries: readonly RosterEntry[]): void {
    this.rosterRows.clear();
    for (const [id, name, kills, deaths, team, flags] of entries) {
      const f = flags ?? 0;
      const bot = (f & RosterFlag.Bot) !== 0;
      this.rosterRows.set(id, {
        id,
        name,
        kills,
        deaths,
        team: team ?? 0,
        bot,
        away: (f & RosterFlag.Away) !== 0,
      });
    }
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

  /** The resume token of this seat ('' if none): a secret, never persisted. */
  get resumeToken(): string {
    return this.resumeSecret;
  }

  /** True while the connection dropped and a resume is pending. */
  get reconnecting(): boolean {
    return this.holding && !this.ended;
  }

  /** Reopens a held session on `url` (a resume); snapshots and events start over at its Welcome. */
  resume(url: string): void {
    if (this.ended || !this.holding) return;
    this.buffer.clear();
    this.decoder.reset();
    this.lastState = null;
    this.queuedEvents.length = 0;
    this.lastReconciledTick = 0;
    this.connection.reopen(url);
  }

  /** Ends a held session for good with `info` (its resume failed). */
  end(info: CloseInfo): void {
    if (this.ended) return;
    this.holding = false;
    this.ended = true;
    this.emit('close', info);
  }

  private onClose(info: CloseInfo): void {
    clearTimeout(this.inputTimer);
    clearInterval(this.pingTimer);
    this.predictor?.reset();
    this.shots?.reset();
    if (!info.byClient && this.holdOnDrop?.(info)) {
      this.holding = true;
      return;
    }
    this.end(info);
  }
}
