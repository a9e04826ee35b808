/** The WebSocket to the game server: connects, decodes every frame and dispatches it by kind. */
import {
  type ClientMessage,
  decodeServerMsg,
  type EventMsg,
  encode,
  type JoinQueryOptions,
  joinQuery,
  type NoticeMsg,
  type PickupsMsg,
  type PingsMsg,
  type PongMsg,
  type RoomRequest,
  type RosterMsg,
  type ServerChatMsg,
  ServerMsg,
  type StateMsg,
  type WelcomeMsg,
  WS_PATH,
} from '../../protocol/index.js';
import { describeClose } from './close-reason.js';
import { Emitter } from './emitter.js';

/** The part of a WebSocket this module uses (a fake can stand in for it in tests). */
export interface SocketLike {
  readonly readyState: number;
  send(data: Uint8Array<ArrayBuffer>): void;
  close(code?: number, reason?: string): void;
}

/** Callbacks a socket factory wires to its socket. */
export interface SocketHandlers {
  open(): void;
  message(data: unknown): void;
  close(code: number, reason: string): void;
}

/** Opens a socket for a URL and routes its events to the handlers. */
export type SocketFactory = (url: string, handlers: SocketHandlers) => SocketLike;

/** The browser WebSocket as a SocketFactory (binary frames as ArrayBuffers). */
export const browserSocket: SocketFactory = (url, handlers) => {
  const ws = new WebSocket(url);
  ws.binaryType = 'arraybuffer';
  ws.onopen = () => handlers.open();
  ws.onmessage = (ev) => handlers.message(ev.data);
  // An error event is always followed by a close event, which carries the details.
  ws.onclose = (ev) => handlers.close(ev.code, ev.reason);
  return ws;
};

/** How a connection ended: the close code and reason, and a sentence for people. */
export interface CloseInfo {
  readonly code: number;
  readonly reason: string;
  /** False if the socket never opened (refused or unreachable). */
  readonly wasOpen: boolean;
  /** True if this client closed it (Leave). */
  readonly byClient: boolean;
  readonly message: string;
}

/** Events of a Connection, one per server message kind plus open/close. */
export interface ConnectionEvents extends Record<string, unknown> {
  open: undefined;
  welcome: WelcomeMsg;
  state: StateMsg;
  chat: ServerChatMsg;
  pong: PongMsg;
  event: EventMsg;
  roster: RosterMsg;
  notice: NoticeMsg;
  pickups: PickupsMsg;
  pings: PingsMsg;
  close: CloseInfo;
}

const OPEN = 1;

/** The WebSocket URL of a join, relative to the page's own origin. */
export function wsUrl(
  loc: { protocol: string; host: string },
  name: string,
  room: RoomRequest,
  opts: JoinQueryOptions = {},
): string {
  const scheme = loc.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${loc.host}${WS_PATH}?${joinQuery(name, room, opts)}`;
}

/** One WebSocket session with typed events. Undecodable frames are counted and ignored. */
export class Connection extends Emitter<ConnectionEvents> {
  private socket: SocketLike;
  /** Bumped by reopen: events of an older socket are ignored. */
  private generation = 0;
  private wasOpen = false;
  private closedByClient = false;
  private closed = false;
  /** Called with the size of every frame received or sent (for rate meters). */
  onBytes: ((direction: 'in' | 'out', bytes: number) => void) | null = null;

  constructor(
    url: string,
    private readonly factory: SocketFactory,
  ) {
    super();
    this.socket = this.connect(url);
  }

  /** After the server side closed: opens a new socket to `url` (a resume); events go on on this object. */
  reopen(url: string): void {
    if (!this.closed || this.closedByClient) return;
    this.closed = false;
    this.wasOpen = false;
    this.socket = this.connect(url);
  }

  private connect(url: string): SocketLike {
    const gen = ++this.generation;
    const live = () => gen === this.generation;
    return this.factory(url, {
      open: () => {
        if (!live()) return;
        this.wasOpen = true;
        this.emit('open', undefined);
      },
      message: (data) => {
        if (live()) this.receive(data);
      },
      close: (code, reason) => {
        if (live()) this.finish(code, reason);
      },
    });
  }

  /** True while the socket is open. */
  get isOpen(): boolean {
    return this.socket.readyState === OPEN && !this.closed;
  }

  /** Encodes and sends a message; a no-op unless open. */
  send(msg: ClientMessage): void {
    if (!this.isOpen) return;
    const bytes = encode(msg).slice();
    this.onBytes?.('out', bytes.byteLength);
    this.socket.send(bytes);
  }

  /** Closes from this side (leaving); the close event reports byClient. */
  close(): void {
    if (this.closed) return;
    this.closedByClient = true;
    this.socket.close(1000, 'leaving');
    this.finish(1000, 'leaving');
  }

  private receive(data: unknown): void {
    if (!(data instanceof ArrayBuffer)) return;
    this.onBytes?.('in', data.byteLength);
    const r = decodeServerMsg(new Uint8Array(data));
    if (!r.ok) return;
    const msg = r.msg;
    switch (msg[0]) {
      case ServerMsg.Welcome:
        this.emit('welcome', msg);
        break;
      case ServerMsg.State:
        this.emit('state', msg);
        break;
      case ServerMsg.Chat:
        this.emit('chat', msg);
        break;
      case ServerMsg.Pong:
        this.emit('pong', msg);
        break;
      case ServerMsg.Event:
        this.emit('event', msg);
        break;
      case ServerMsg.Roster:
        this.emit('roster', msg);
        break;
      case ServerMsg.Notice:
        this.emit('notice', msg);
        break;
      case ServerMsg.Pickups:
        this.emit('pickups', msg);
        break;
      case ServerMsg.Pings:
        this.emit('pings', msg);
        break;
    }
  }

  private finish(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = true;
    const message = describeClose(code, reason, this.wasOpen);
    this.emit('close', { code, reason, wasOpen: this.wasOpen, byClient: this.closedByClient, message });
  }
}
