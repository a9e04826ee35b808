/** A real WebSocket test client that decodes server frames and waits on them (never sleeps). */
import WebSocket from 'ws';
import {
  applyStateMsg,
  BaselineRing,
  type ClientMessage,
  decodeServerMsg,
  encode,
  joinQuery,
  type RoomRequest,
  type ServerMessage,
  ServerMsg,
  type ServerMsgKind,
  type StateMsg,
  type WireState,
  WS_PATH,
} from '../../protocol/index.js';

/** A State frame decoded against this client's baselines. */
export interface DecodedState {
  readonly state: WireState;
  readonly ack: number;
  /** The baseline tick the frame was a delta against (0: a full frame). */
  readonly baseTick: number;
  readonly bytes: Uint8Array;
}

/** The server message whose kind is K. */
export type MsgOf<K extends ServerMsgKind> = Extract<ServerMessage, readonly [K, ...unknown[]]>;

/** A received frame: decoded and raw bytes. */
export interface Frame<M extends ServerMessage = ServerMessage> {
  readonly msg: M;
  readonly bytes: Uint8Array;
}

/** How a socket was closed. */
export interface Closed {
  readonly code: number;
  readonly reason: string;
}

/** A connected test client. */
export interface TestClient {
  readonly ws: WebSocket;
  /** Resolves with the next frame of `kind` that matches `predicate`; earlier frames of that kind are dropped. */
  nextFrame<K extends ServerMsgKind>(
    kind: K,
    predicate?: (m: MsgOf<K>) => boolean,
    timeoutMs?: number,
  ): Promise<Frame<MsgOf<K>>>;
  /** As nextFrame, decoded message only. */
  nextMessage<K extends ServerMsgKind>(
    kind: K,
    predicate?: (m: MsgOf<K>) => boolean,
    timeoutMs?: number,
  ): Promise<MsgOf<K>>;
  /** Resolves with the next State (decoded against the baselines received so far) matching `predicate`. */
  nextState(predicate?: (s: DecodedState) => boolean, timeoutMs?: number): Promise<DecodedState>;
  /** Tick of the newest State decoded so far (0 if none): the baseTick a real client acknowledges. */
  readonly latestTick: number;
  /** Sends a client message encoded with the protocol codec. */
  send(msg: ClientMessage): void;
  /** Sends raw bytes (binary) or a string (text frame). */
  sendRaw(data: Uint8Array | string): void;
  /** Resolves when the socket closes. */
  readonly closed: Promise<Closed>;
  /** Closes (if open) and waits for the close. */
  close(): Promise<Closed>;
}

interface Waiter {
  readonly kind: number;
  readonly predicate: (m: ServerMessage) => boolean;
  readonly resolve: (f: Frame) => void;
  readonly reject: (e: Error) => void;
}

/** The query of a join: a raw string, or name plus room request. */
export type JoinSpec = string | { readonly name: string; readonly room: RoomRequest };

function queryOf(spec: JoinSpec): string {
  return typeof spec === 'string' ? spec : joinQuery(spec.name, spec.room);
}

/**
 * Opens a WebSocket to the server on 127.0.0.1:`port` (extra request `headers` optional; wss trusting
 * only `tls.ca` when given); rejects if refused.
 */
export function connectClient(
  port: number,
  spec: JoinSpec,
  headers: Readonly<Record<string, string>> = {},
  tls?: { readonly ca: Buffer },
): Promise<TestClient> {
  const scheme = tls ? 'wss' : 'ws';
  const ws = new WebSocket(`${scheme}://127.0.0.1:${port}${WS_PATH}?${queryOf(spec)}`, {
    headers,
    ...(tls ? { ca: tls.ca } : {}),
  });
  ws.binaryType = 'nodebuffer';
  const queues = new Map<number, Frame[]>();
  const waiters = new Set<Waiter>();
  let closedWith: Closed | undefined;
  const baselines = new BaselineRing();
  const decoded = new WeakMap<ServerMessage, DecodedState>();
  let latestTick = 0;

  const serve = (w: Waiter): boolean => {
    const q = queues.get(w.kind) ?? [];
    while (q.length > 0) {
      const f = q.shift()!;
      if (w.predicate(f.msg)) {
        waiters.delete(w);
        w.resolve(f);
        return true;
      }
    }
    return false;
  };

  ws.on('message', (data: Buffer, isBinary: boolean) => {
    if (!isBinary) throw new Error('server sent a text frame');
    const bytes = new Uint8Array(data);
    const r = decodeServerMsg(bytes);
    if (!r.ok) throw new Error(`undecodable server frame: ${r.reason}`);
    const kind = r.msg[0];
    if (kind === ServerMsg.State) {
      const d = applyStateMsg(r.msg as StateMsg, (t) => baselines.get(t));
      if (!d.ok) throw new Error(`undecodable State frame: ${d.reason}`);
      baselines.put(d.state);
      latestTick = Math.max(latestTick, d.state.tick);
      decoded.set(r.msg, { state: d.state, ack: d.ack, baseTick: d.baseTick, bytes });
    }
    const q = queues.get(kind) ?? [];
    queues.set(kind, q);
    q.push({ msg: r.msg, bytes });
    for (const w of waiters) if (w.kind === kind) serve(w);
  });

  const closed = new Promise<Closed>((resolve) => {
    ws.on('close', (code, reason) => {
      closedWith = { code, reason: reason.toString() };
      for (const w of waiters)
        w.reject(new Error(`socket closed (${code} ${closedWith.reason}) while waiting`));
      waiters.clear();
      resolve(closedWith);
    });
  });

  const nextFrame = <K extends ServerMsgKind>(
    kind: K,
    predicate: (m: MsgOf<K>) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<Frame<MsgOf<K>>> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(w);
        reject(new Error(`no message of kind ${kind} within ${timeoutMs} ms`));
      }, timeoutMs);
      const w: Waiter = {
        kind,
        predicate: (m) => predicate(m as MsgOf<K>),
        resolve: (f) => {
          clearTimeout(timer);
          resolve(f as Frame<MsgOf<K>>);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      waiters.add(w);
      if (!serve(w) && closedWith) w.reject(new Error(`socket already closed (${closedWith.code})`));
    });

  const client: TestClient = {
    ws,
    nextFrame,
    nextMessage: async (kind, predicate, timeoutMs) => (await nextFrame(kind, predicate, timeoutMs)).msg,
    nextState: async (predicate = () => true, timeoutMs) => {
      const f = await nextFrame(ServerMsg.State, (m) => predicate(decoded.get(m)!), timeoutMs);
      return decoded.get(f.msg)!;
    },
    get latestTick() {
      return latestTick;
    },
    send: (msg) => ws.send(encode(msg)),
    sendRaw: (data) => ws.send(data),
    closed,
    close: () => {
      if (ws.readyState === WebSocket.CONNECTING || ws.readyState === WebSocket.OPEN) ws.close();
      return closed;
    },
  };

  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(client));
    ws.once('unexpected-response', (_req, res) => {
      reject(new Error(`upgrade refused with ${res.statusCode}`));
      ws.terminate();
    });
    ws.once('error', reject);
  });
}

/** Attempts an upgrade expected to be refused; resolves with the HTTP status and parsed JSON body. */
export function refusedUpgrade(
  port: number,
  spec: JoinSpec,
  headers: Readonly<Record<string, string>> = {},
): Promise<{ status: number; body: unknown }> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}${WS_PATH}?${queryOf(spec)}`, { headers });
  return new Promise((resolve, reject) => {
    ws.once('open', () => {
      ws.terminate();
      reject(new Error('upgrade unexpectedly accepted'));
    });
    ws.once('unexpected-response', (_req, res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        ws.terminate();
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) });
      });
    });
    ws.once('error', (e) => {
      if (ws.readyState !== WebSocket.CLOSED) reject(e);
    });
  });
}
