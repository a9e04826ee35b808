/** Per-socket state and the adapter that lets a room send on a uWS socket. */
import type uWS from 'uWebSockets.js';
import type { Room } from '../room/room.js';
import type { RoomClient } from '../room/room-client.js';
import type { FrameLimits } from './frame-limits.js';

/** One WebSocket connection's state; `closed` is set in the close handler, after which ws is never touched. */
export interface Session {
  readonly room: Room;
  readonly name: string;
  /** 0 until the room accepted the player in `open`. */
  playerId: number;
  closed: boolean;
  /** Set when the server refused a frame and is closing the socket (logged once). */
  refused: boolean;
  /** The client's address (per-address limits; never sent to other players). */
  readonly ip: string;
  /** Inbound frame rate limits. */
  readonly limits: FrameLimits;
  /** Monotonic ms since which the socket's buffer has stayed over the slow-consumer bound; 0 if it is not. */
  slowSince: number;
  /** A resume token to redeem in `open` ('' for a fresh join). Secret: never log the session. */
  resume: string;
  /** This seat's live resume token ('' when resuming is off). Secret: never log the session. */
  resumeToken: string;
  /** Joins as a spectator (`spectate=1`): watches without a player in the world. */
  spectate: boolean;
}

/** What uWS keeps as the socket's user data. */
export interface SessionData {
  readonly session: Session;
}

/** A new session for a join resolved at upgrade time. */
export function createSession(room: Room, name: string, ip: string, limits: FrameLimits): Session {
  return {
    room,
    name,
    playerId: 0,
    closed: false,
    refused: false,
    ip,
    limits,
    slowSince: 0,
    resume: '',
    resumeToken: '',
    spectate: false,
  };
}

/** Adapts a uWS socket to RoomClient; every call is a no-op once the session closed. */
export function socketClient(ws: uWS.WebSocket<SessionData>, session: Session): RoomClient {
  return {
    send: (frame) => (session.closed ? 2 : ws.send(frame, true, false)),
    bufferedAmount: () => (session.closed ? 0 : ws.getBufferedAmount()),
    cork: (fn) => {
      if (!session.closed) ws.cork(fn);
    },
    end: (code, reason) => {
      if (!session.closed) ws.end(code, truncateReason(reason));
    },
  };
}

/** A close reason cut to the 123 bytes a close frame allows. */
export function truncateReason(reason: string): string {
  if (Buffer.byteLength(reason) <= 123) return reason;
  let out = reason;
  while (Buffer.byteLength(out) > 123) out = out.slice(0, -1);
  return out;
}
