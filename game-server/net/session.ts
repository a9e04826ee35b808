/** Per-socket state and the adapter that lets a room send on a uWS socket. */
import type uWS from 'uWebSockets.js';
import type { ServerMetrics } from '../metrics.js';
import type { InputQueue } from '../room/input-queue.js';
import type { Room } from '../room/room.js';
import type { RoomClient, SendStatus } from '../room/room-client.js';
import type { FrameLimits, InputBucket, MessageBuckets } from './frame-limits.js';

/**
 * One WebSocket connection's state, with its Chat and Ping buckets (FrameLimits.takeMessage). Once
 * closed the socket is out of the server's open set and no handler runs for it, so nothing reads it again.
 */
export interface Session extends MessageBuckets {
  readonly room: Room;
  readonly name: string;
  /** The socket as rooms see it, from `open` on (null before); the close handler marks it closed. */
  client: SocketClient | null;
  /** 0 until the room accepted the player in `open`. */
  playerId: number;
  /**
   * Set when the server ends the socket itself (refuser): it is then closed once and logged once. The
   * refuser is its only writer, and clears the socket's `SessionData.inputs` as it sets it: the Input
   * fast path checks only `inputs`, not this flag.
   */
  refused: boolean;
  /** The client's address (per-address limits; never sent to other players). */
  readonly ip: string;
  /** Monotonic ms since which the socket's buffer has stayed over the slow-consumer bound; 0 if it is not. */
  slowSince: number;
  /** A resume token to redeem in `open` ('' for a fresh join). Secret: never log the session. */
  resume: string;
  /** This seat's live resume token ('' when resuming is off). Secret: never log the session. */
  resumeToken: string;
  /** Joins as a spectator (`spectate=1`): watches without a player in the world. */
  spectate: boolean;
}

/**
 * What uWS keeps as the socket's user data. uWS copies its properties onto the socket object, which
 * V8 turns into a slow dictionary past about 15 of them, so the session rides in one field, next to
 * what every Input reads: an Input (30 a second from every client) then reads the socket and its
 * queue, and no session (every object a frame touches is a fetch from memory after the syscall).
 */
export interface SessionData extends InputBucket {
  readonly session: Session;
  /**
   * The player's input queue once accepted, by a join or a resume (Inputs go straight to it); null
   * before, for spectators, and again once the server refuses the socket (the refuser clears it).
   */
  inputs: InputQueue | null;
}

/** A new session for a join resolved at upgrade time. */
export function createSession(room: Room, name: string, ip: string, limits: FrameLimits): Session {
  const b = limits.freshMessages();
  return {
    room,
    name,
    client: null,
    playerId: 0,
    refused: false,
    ip,
    // Listed one by one: properties a spread adds may land outside the object.
    chatTokens: b.chatTokens,
    chatMs: b.chatMs,
    pingTokens: b.pingTokens,
    pingMs: b.pingMs,
    slowSince: 0,
    resume: '',
    resumeToken: '',
    spectate: false,
  };
}

/** The socket user data of a new `session`. */
export function sessionData(session: Session, limits: FrameLimits): SessionData {
  const b = limits.freshInput();
  return { session, inputs: null, inputTokens: b.inputTokens, inputMs: b.inputMs };
}

/** uWS's send status for a frame written (or corked) with nothing left buffered. */
const SENT = 1;

/**
 * Adapts a uWS socket to RoomClient, counting the bytes of every frame uWS accepted (sent or buffered,
 * not dropped); every call is a no-op once the session closed. One object with its methods on the
 * prototype: the room calls it for every client on every tick.
 */
export class SocketClient implements RoomClient {
  /** Status of the last send: while it is SENT, nothing was left buffered. */
  private lastStatus = SENT;
  /** Set by the socket's close handler (markClosed); kept here so a send reads only this object. */
  private closed = false;

  constructor(
    private readonly ws: uWS.WebSocket<SessionData>,
    private readonly metrics: Pick<ServerMetrics, 'countBytesOut'>,
  ) {}

  /** The socket closed: every later call is a no-op (uWS throws on a closed socket). */
  markClosed(): void {
    this.closed = true;
  }

  send(frame: Uint8Array): SendStatus {
    if (this.closed) return 2;
    const status = this.ws.send(frame, true, false);
    this.lastStatus = status;
    if (status !== 2) this.metrics.countBytesOut(frame.byteLength);
    return status;
  }

  /**
   * 0 while the last send reported nothing buffered, without asking the socket; otherwise the socket's
   * count. A send inside a cork reports before the cork's write, so after a cork a filling buffer is
   * seen one send later.
   */
  bufferedAmount(): number {
    if (this.closed || this.lastStatus === SENT) return 0;
    return this.ws.getBufferedAmount();
  }

  cork(fn: () => void): void {
    if (!this.closed) this.ws.cork(fn);
  }

  end(code: number, reason: string): void {
    if (!this.closed) this.ws.end(code, truncateReason(reason));
  }
}

/** A close reason cut to the 123 bytes a close frame allows. */
export function truncateReason(reason: string): string {
  if (Buffer.byteLength(reason) <= 123) return reason;
  let out = reason;
  while (Buffer.byteLength(out) > 123) out = out.slice(0, -1);
  return out;
}
