/** The options a Session is made with and the events it emits. */
import type { GameEvent, NoticeMsg, PickupEntry, ServerChatMsg } from '../../protocol/index.js';
import type { CloseInfo, SocketFactory } from './connection.js';
import type { RoomInfo, RosterRow } from './room-state.js';

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
