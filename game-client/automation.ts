/** `window.tickfire`: a read-only, frozen view of the client's state for automation and tests. */
import type { NetGraphData, RosterRow } from './net/session.js';
import type { RenderedEntity } from './render/match-context.js';

/** One rendered frame as recorded for tests: frame number, client time, held keys, every player drawn. */
export interface FrameSample {
  readonly n: number;
  readonly at: number;
  readonly keys: number;
  readonly entities: readonly Readonly<RenderedEntity>[];
  /** How far this frame's render time was past the newest snapshot, ms (0 while interpolating). */
  readonly overrunMs: number;
}

/** Netcode figures (the net graph's) plus the last TRACE_FRAMES frames, for tests. */
export interface NetDebug extends NetGraphData {
  /** Frames rendered so far in this match. */
  readonly frame: number;
  /** The simulated network conditions (`?net=`), or '' for none. */
  readonly conditions: string;
  readonly trace: readonly FrameSample[];
}

/** How many recent frames `net.trace` keeps. */
export const TRACE_FRAMES = 600;

/** What automation can read: connection, identity, latest tick, RTT and the players as rendered (px). */
export interface TickfireDebug {
  readonly connected: boolean;
  /** True while a dropped connection is being resumed (the overlay is up). */
  readonly reconnecting: boolean;
  readonly roomCode: string | null;
  readonly playerId: number | null;
  readonly tick: number;
  readonly rttMs: number;
  /** The roster as the scoreboard shows it (with each player's reported ping). */
  readonly roster: readonly Readonly<RosterRow>[];
  readonly entities: readonly Readonly<RenderedEntity>[];
  /** Netcode figures and a per-frame trace (null outside a match). */
  readonly net: NetDebug | null;
}

declare global {
  interface Window {
    /** Read-only client state for automation: a frozen view of the latest frame, built when read. */
    readonly tickfire: TickfireDebug;
  }
}

const EMPTY: TickfireDebug = Object.freeze({
  connected: false,
  reconnecting: false,
  roomCode: null,
  playerId: null,
  tick: 0,
  rttMs: 0,
  roster: Object.freeze([]),
  entities: Object.freeze([]),
  net: null,
});

/** One frame's netcode inputs; `stats` is only called when `window.tickfire` is read (figures as of then). */
export interface NetFrame {
  readonly stats: () => NetGraphData;
  /** This frame's overrun, ms (recorded in the trace). */
  readonly overrunMs: number;
  readonly keys: number;
  readonly at: number;
  readonly conditions: string;
}

/** The last published inputs; `window.tickfire` is built from them on first read after each publish. */
let published: {
  readonly state: Omit<TickfireDebug, 'entities' | 'net'>;
  readonly entities: readonly Readonly<RenderedEntity>[];
  readonly net: NetFrame | undefined;
} | null = null;
/** The view built for `published` (null until read). */
let current: TickfireDebug | null = EMPTY;

/** Defines `window.tickfire` as a getter (no setter), once. */
export function installAutomationHook(): void {
  Object.defineProperty(window, 'tickfire', {
    get: () => (current ??= build()),
    configurable: false,
    enumerable: true,
  });
}

/** The last TRACE_FRAMES samples; frame n lives at index (n - 1) % TRACE_FRAMES. */
const ring: FrameSample[] = [];
let frameCount = 0;

/** Publishes a new state; entities are copied and frozen. `net` adds a frame to the trace. */
export function publishState(
  state: Omit<TickfireDebug, 'entities' | 'net'>,
  entities: readonly RenderedEntity[],
  net?: NetFrame,
): void {
  const frozen = Object.freeze(entities.map((e) => Object.freeze({ id: e.id, x: e.x, y: e.y })));
  if (net) {
    frameCount += 1;
    const { keys, at, overrunMs } = net;
    ring[(frameCount - 1) % TRACE_FRAMES] = Object.freeze({
      n: frameCount,
      at,
      keys,
      entities: frozen,
      overrunMs,
    });
  }
  published = { state, entities: frozen, net };
  current = null;
}

/** The frozen view of the last publish, with the trace copied oldest first. */
function build(): TickfireDebug {
  if (!published) return EMPTY;
  const { state, entities, net } = published;
  let netDebug: NetDebug | null = null;
  if (net) {
    const n = Math.min(frameCount, TRACE_FRAMES);
    const trace = Array.from({ length: n }, (_, i) => ring[(frameCount - n + i) % TRACE_FRAMES]!);
    netDebug = Object.freeze({
      ...net.stats(),
      frame: frameCount,
      conditions: net.conditions,
      trace: Object.freeze(trace),
    });
  }
  return Object.freeze({ ...state, entities, net: netDebug });
}

/** Back to the disconnected state. */
export function resetState(): void {
  published = null;
  current = EMPTY;
  ring.length = 0;
  frameCount = 0;
}
