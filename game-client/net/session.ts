/** Client networking, free of rendering: one room session tying connection, clock, snapshots, input and prediction. */
import {
  ClientMsg,
  type PickupEntry,
  Role,
  type StateMsg,
  type TeamCode,
  type WelcomeMsg,
} from '../../protocol/index.js';
import { ServerClock } from './clock.js';
import { type CloseInfo, Connection } from './connection.js';
import { Emitter } from './emitter.js';
import { EventRelease } from './event-release.js';
import type { HeldInput } from './input-sender.js';
import { type NetGraphData, NetStats } from './net-stats.js';
import { OwnPrediction } from './own-prediction.js';
import { composeFrame, RenderSampler, type SessionFrame } from './render-sample.js';
import { type RoomInfo, RoomState, type RosterRow } from './room-state.js';
import type { SessionEvents, SessionOptions } from './session-types.js';
import { DEFAULT_INTERPOLATION_DELAY_MS, SnapshotBuffer } from './snapshot-buffer.js';
import { SnapshotIntake } from './snapshot-intake.js';
import { Uplink } from './uplink.js';

export type { NetGraphData } from './net-stats.js';
export type { SessionFrame } from './render-sample.js';
export type { RoomInfo, RosterRow } from './room-state.js';
export type { SessionEvents, SessionOptions } from './session-types.js';

const NO_INPUT: HeldInput = { keys: 0, aimRad: 0 };

/** One connection to one room, from connect to close. */
export class Session extends Emitter<SessionEvents> {
  readonly clock = new ServerClock();
  readonly buffer: SnapshotBuffer;
  private readonly connection: Connection;
  private readonly now: () => number;
  private readonly state = new RoomState();
  private readonly stats = new NetStats();
  private readonly own = new OwnPrediction();
  private readonly sampler: RenderSampler;
  private readonly intake: SnapshotIntake;
  private readonly events = new EventRelease((e) => this.emit('game', e));
  private readonly uplink: Uplink;
  private readInput: () => HeldInput = () => NO_INPUT;
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
  /** The server time remote entities were last drawn at (sent as `viewTime` for lag compensation). */
  private lastRenderTime = 0;

  constructor(options: SessionOptions) {
    super();
    this.now = options.now ?? (() => performance.now());
    this.buffer = new SnapshotBuffer({
      interpolationDelayMs: options.interpolationDelayMs ?? DEFAULT_INTERPOLATION_DELAY_MS,
    });
    this.sampler = new RenderSampler(this.buffer, options.interpolationDelayMs === undefined);
    this.intake = new SnapshotIntake({
      buffer: this.buffer,
      clock: this.clock,
      now: this.now,
      onArrival: (serverTime, at) => {
        this.stats.snapshots.add(1, at);
        this.sampler.onSnapshot(serverTime, at);
      },
    });
    this.connection = new Connection(options.url, options.socketFactory);
    this.uplink = new Uplink({
      send: (msg) => this.connection.send(msg),
      now: this.now,
      pingIntervalMs: options.pingIntervalMs ?? 1000,
      rttMs: () => this.clock.rttMs,
      read: () => this.readInput(),
      tag: () => ({ ackTick: this.latestTick, viewTime: Math.max(0, Math.round(this.lastRenderTime)) }),
      onInput: (input) => this.own.onInput(input, this.now()),
      ended: () => this.ended,
    });
    this.connection.onBytes = (dir, n) => this.stats.addBytes(dir, n, this.now());
    this.connection.on('welcome', (m) => this.onWelcome(m));
    this.connection.on('state', (m) => this.onState(m));
    this.connection.on('pong', ([, clientTime, serverTime]) =>
      this.clock.addPong(clientTime, serverTime, this.now()),
    );
    this.connection.on('roster', ([, entries]) => this.emit('roster', this.state.setRoster(entries)));
    this.connection.on('event', ([, tick, events]) => this.events.push(tick, events));
    this.connection.on('chat', (m) => this.emit('chat', m));
    this.connection.on('notice', (m) => this.emit('notice', m));
    this.connection.on('pings', ([, flat]) => this.state.setPings(flat));
    this.connection.on('pickups', ([, list]) => {
      this.state.setPickups(list);
      this.emit('pickups', list);
    });
    this.connection.on('close', (info) => this.onClose(info));
  }

  /** Room and identity once welcomed, else null. */
  get room(): RoomInfo | null {
    return this.state.info;
  }

  /** True between Welcome and close. */
  get connected(): boolean {
    return this.state.info !== null && !this.ended && this.connection.isOpen;
  }

  /** Tick of the latest State received (0 before any). */
  get latestTick(): number {
    return this.intake.latestTick;
  }

  /** The frame most recently built by `frame()`, for readers that must not advance it (the HUD). */
  get lastFrame(): SessionFrame | null {
    return this.last;
  }

  /** The current roster, in server order; the same array until the roster changes. */
  get roster(): readonly RosterRow[] {
    return this.state.roster;
  }

  /** Every pickup point of the room as last sent (empty before any, or on a server without pickups). */
  get pickups(): readonly PickupEntry[] {
    return this.state.pickups;
  }

  /** How far the last frame's render time was past the newest snapshot, ms (0 while interpolating). */
  get overrunMs(): number {
    return this.stats.overrunMs;
  }

  /** Looks up a player's name (empty if unknown). */
  nameOf(id: number): string {
    return this.state.nameOf(id);
  }

  /** Looks up a player's roster row (undefined if unknown). */
  rowOf(id: number): RosterRow | undefined {
    return this.state.rowOf(id);
  }

  /** Looks up a player's team (Team.None if unknown or in free-for-all). */
  teamOf(id: number): TeamCode {
    return this.state.teamOf(id);
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

  /** Builds the frame to draw at client time `now` and releases the game events it has reached. */
  frame(now = this.now()): SessionFrame | null {
    this.stats.frames.add(1, now);
    const { dtMs, renderTime, sampled } = this.sampler.sample(now, this.clock.smoothServerNow(now));
    const info = this.state.info;
    if (!sampled || !info) return null;
    this.lastRenderTime = renderTime;
    this.uplink.update(now);
    if (this.stats.countOverrun(sampled.overrunMs)) this.sampler.onUnderrun();
    this.events.release(sampled.tick);
    const tickFraction = this.uplink.tickFraction(now);
    const heldKeys = this.readInput().keys;
    const { buffer, own } = this;
    this.last = composeFrame(sampled, {
      myId: info.playerId,
      latest: buffer.latest,
      own,
      dtMs,
      heldKeys,
      tickFraction,
      now,
    });
    return this.last;
  }

  /** Everything the net graph shows, at client time `now`. */
  netStats(now = this.now()): NetGraphData {
    const { clock, sampler, buffer, own } = this;
    return this.stats.read(now, { clock, sampler, buffer, own, serverTick: this.latestTick });
  }

  /** The own player's predicted position (no visual smoothing), or null. */
  get predictedPosition(): { readonly x: number; readonly y: number } | null {
    return this.own.position;
  }

  private onWelcome(m: WelcomeMsg): void {
    const info = this.state.welcome(m);
    this.resumeSecret = m[12] ?? '';
    this.holding = false;
    this.clock.seed(m[8], this.now());
    this.sampler.start(info.snapshotHz);
    this.intake.start(info.tickHz);
    this.own.start(info.tickHz, info.arena);
    this.uplink.start(info.tickHz, info.role !== Role.Spectator);
    this.emit('welcome', info);
  }

  private onState(m: StateMsg): void {
    const snap = this.intake.accept(m);
    if (snap && this.state.info) this.own.reconcile(snap, this.state.info.playerId);
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
    this.intake.reset();
    this.events.clear();
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
    this.uplink.stop();
    this.own.reset();
    if (!info.byClient && this.holdOnDrop?.(info)) {
      this.holding = true;
      return;
    }
    this.end(info);
  }
}
