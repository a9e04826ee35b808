/** `window.tickfire`: a read-only, frozen view of the client's state for automation and tests. */
import type { RenderedEntity } from './render/match-context.js';

/** What automation can read: connection, identity, latest tick, RTT and the players as rendered (px). */
export interface TickfireDebug {
  readonly connected: boolean;
  readonly roomCode: string | null;
  readonly playerId: number | null;
  readonly tick: number;
  readonly rttMs: number;
  readonly entities: readonly Readonly<RenderedEntity>[];
}

declare global {
  interface Window {
    /** Read-only client state for automation, replaced every frame. */
    readonly tickfire: TickfireDebug;
  }
}

const EMPTY: TickfireDebug = Object.freeze({
  connected: false,
  roomCode: null,
  playerId: null,
  tick: 0,
  rttMs: 0,
  entities: Object.freeze([]),
});

let current: TickfireDebug = EMPTY;

/** Defines `window.tickfire` as a getter (no setter), once. */
export function installAutomationHook(): void {
  Object.defineProperty(window, 'tickfire', { get: () => current, configurable: false, enumerable: true });
}

/** Publishes a new state; entities are copied and everything is frozen. */
export function publishState(
  state: Omit<TickfireDebug, 'entities'>,
  entities: readonly RenderedEntity[],
): void {
  current = Object.freeze({
    ...state,
    entities: Object.freeze(entities.map((e) => Object.freeze({ id: e.id, x: e.x, y: e.y }))),
  });
}

/** Back to the disconnected state. */
export function resetState(): void {
  current = EMPTY;
}
