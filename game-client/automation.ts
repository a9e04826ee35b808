/** `window.tickfire`: a read-only, frozen view of the client's state for automation and tests. */
import type { NetGraphData } from './net/session.js';
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
  readonly entities: readonly Readonly<RenderedEntity>[];
  /** Netcode figures and a per-frame trace (null outside a match). */
  readonly net: NetDebug | null;
}

declare global {
  interface Window {
    /** Read-only client state for automation, replaced every frame. */
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
  entities: Object.freeze([]),
  net: null,
});

let current: TickfireDebug = EMPTY;

/** Defines `window.tickfire` as a getter (no setter), once. */
export function installAutomationHook(): void {
  Object.defineProperty(window, 'tickfire', { get: () => current, configurable: false, enumerable: true });
}

let trace: FrameSample[] = [];
let frameCount = 0;

/** Publishes a new state; entities are copied and everything is frozen. `net` adds a frame to the trace. */
export function publishState(
  state: Omit<TickfireDebug, 'entities' | 'net'>,
  entities: readonly RenderedEntity[],
  net?: { stats: NetGraphData; keys: number; at: number; conditions: string },
): void {
  const frozen = Object.freeze(entities.map((e) => Object.freeze({ id: e.id, x: e.x, y: e.y })));
  let netDebug: NetDebug | null = null;
  if (net) {
    frameCount += 1;
    const overrunMs = net.stats.overrunMs;
    trace.push(Object.freeze({ n: frameCount, at: net.at, keys: net.keys, entities: frozen, overrunMs }));
    if (trace.length > TRACE_FRAMES) trace = trace.slice(-TRACE_FRAMES);
    netDebug = Object.freeze({
      ...net.stats,
      frame: frameCount,
      conditions: net.conditions,
      trace: Object.freeze([...trace]),
    });
  }
  current = Object.freeze({ ...state, entities: frozen, net: netDebug });
}

/** Back to the disconnected state. */
export function resetState(): void {
  current = EMPTY;
  trace = [];
  frameCount = 0;
}
