/** The WebSocket endpoint: origin and rate checks plus handshake validation at upgrade, strict frames after. */
import uWS from 'uWebSockets.js';
import {
  ClientMsg,
  type ClientMsgKind,
  CloseCode,
  JoinError,
  type JoinErrorCode,
  MAX_CLIENT_FRAME_BYTES,
} from '../../protocol/index.js';
import { scanInputFrame, scannedInput } from '../../protocol/input-frame.js';
import { decodeClientMsg } from '../../protocol/validate.js';
import type { ClusterDirectory } from '../cluster/index.js';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { ServerMetrics } from '../metrics.js';
import type { Matchmaker } from '../room/matchmaker.js';
import { queueInput } from '../room/message-intake.js';
import type { RoomRegistry } from '../room/room-registry.js';
import { type AddressLimits, rateReason } from './address-limits.js';
import { clientAddress } from './client-address.js';
import type { NetCounters } from './counters.js';
import { FrameLimits } from './frame-limits.js';
import { replyJson } from './http-reply.js';
import { resolveJoin } from './join.js';
import { checkOrigin } from './origin-check.js';
import type { RefuseSocket } from './refuse.js';
import { closeSeat, openResumed, type ResumeService } from './resume-upgrade.js';
import { DRAINING_JOIN_REASON, hasSeat, upgradeWithSeat } from './seat-upgrade.js';
import { createSession, type SessionData, SocketClient, sessionData } from './session.js';

/** Most bytes buffered per socket before uWS skips sends to it. */
export const MAX_BACKPRESSURE_BYTES = 256 * 1024;
/** Seconds of silence before uWS closes a socket (must be 0 or 8..960, or uWS aborts the process). */
export const IDLE_TIMEOUT_S = 30;
/** uWS's close message for a frame over maxPayloadLength (it closes with 1006 itself). */
const TOO_BIG_MESSAGE = 'Received too big message';
/** uWS's close message for a text frame that is not UTF-8 (it closes with 1006 itself). */
const BAD_UTF8_MESSAGE = 'Received invalid UTF-8';

/** The close reason of a client flooding frames of `kind`. */
function floodReason(kind: ClientMsgKind): string {
  const what = kind === ClientMsg.Input ? 'inputs' : kind === ClientMsg.Chat ? 'chat lines' : 'pings';
  return `rate_limited: far too many ${what}`;
}

/** What the endpoint reads and updates. */
export interface WsDeps {
  readonly matchmaker: Matchmaker;
  readonly config: Pick<Config, 'allowedOrigins' | 'trustProxy' | 'tickRate'>;
  readonly limits: AddressLimits;
  readonly counters: NetCounters;
  readonly refuse: RefuseSocket;
  /** Open sockets (for the slow-consumer sweep); a socket leaves it in its close handler. */
  readonly sockets: Set<uWS.WebSocket<SessionData>>;
  readonly log: Logger;
  readonly now: () => number;
  readonly registry: RoomRegistry;
  /** The cluster directory in Redis mode (seat upgrades), else null. */
  readonly directory: ClusterDirectory | null;
  readonly metrics: ServerMetrics;
  /** Resume tokens and held seats (reconnection); absent: every resume is refused. */
  readonly resume?: ResumeService;
}

/** Builds the uWS behaviour of WS_PATH. */
export function createWsBehavior(d: WsDeps): uWS.WebSocketBehavior<SessionData> {
  const refuseHttp = (res: uWS.HttpResponse, error: JoinErrorCode, reason: string, close = false) => {
    d.counters.refuse('http', error === 'rate_limited' ? reason : error);
    replyJson(res, JoinError[error], { error, reason }, close);
  };
  const frameLimits = new FrameLimits(d.config.tickRate, d.now);
  return {
    compression: uWS.DISABLED,
    // Frames over this size are refused by uWS itself, which drops the connection (the client sees 1006)
    // before any handler runs; decodeClientMsg re-checks the bound anyway.
    maxPayloadLength: MAX_CLIENT_FRAME_BYTES,
    idleTimeout: IDLE_TIMEOUT_S,
    sendPingsAutomatically: true,
    maxBackpressure: MAX_BACKPRESSURE_BYTES,
    // Typed as a number in the typings; 0 is false: slow consumers have their State skipped, and the
    // slow-consumer sweep closes them with 4008 if it lasts.
    closeOnBackpressureLimit: 0,

    upgrade: (res, req, context) => {
      // req is only valid during this call: read everything first.
      const query = req.getQuery() ?? '';
      const key = req.getHeader('sec-websocket-key');
      const protocol = req.getHeader('sec-websocket-protocol');
      const extensions = req.getHeader('sec-websocket-extensions');
      const origin = req.getHeader('origin');
      const host = req.getHeader('host');
      const ip = clientAddress(res, req.getHeader('x-forwarded-for'), d.config.trustProxy);

      const badOrigin = checkOrigin(origin, host, d.config.allowedOrigins);
      if (badOrigin !== null) {
        refuseHttp(res, 'bad_origin', badOrigin, true);
        return;
      }
      const verdict = d.limits.handshake(ip);
      if (verdict !== null) {
        refuseHttp(res, 'rate_limited', rateReason(verdict), true);
        return;
      }
      if (hasSeat(query)) {
        const u = { res, context, query, key, protocol, extensions, ip };
        upgradeWithSeat(u, { ...d, frameLimits, refuseHttp });
        return;
      }
      if (d.registry.draining) {
        refuseHttp(res, 'server_full', DRAINING_JOIN_REASON);
        return;
      }
      const r = resolveJoin(query, d.matchmaker, true, d.resume);
      if (!r.ok) {
        refuseHttp(res, r.refusal.error, r.refusal.reason);
        return;
      }
      if (!r.room) {
        refuseHttp(res, 'server_full', 'no room available');
        return;
      }
      const data = sessionData(createSession(r.room, r.request.name, ip, frameLimits), frameLimits);
      data.session.resume = r.resume ?? '';
      data.session.spectate = r.request.spectate;
      res.upgrade(data, key, protocol, extensions, context);
    },

    open: (ws) => {
      const data = ws.getUserData();
      const s = data.session;
      d.limits.opened(s.ip);
      d.sockets.add(ws);
      const client = new SocketClient(ws, d.metrics);
      s.client = client;
      if (s.resume) openResumed(s, client, d.resume, d.log);
      else {
        const out = s.spectate
          ? s.room.watch(s.name, client)
          : s.room.join(s.name, client, d.resume?.tokenFor(s));
        if (!out.ok) {
          if (out.error === 'room_full')
            ws.end(CloseCode.RoomFull, `room_full: room ${s.room.code} filled up`);
          else ws.end(CloseCode.RoomNotFound, `room_not_found: room ${s.room.code} is gone`);
          return;
        }
        s.playerId = out.playerId;
        d.log.debug({ room: s.room.code, player: s.playerId }, 'joined');
      }
      // A player's Inputs go straight to its queue (a failed resume left playerId 0: no queue).
      if (s.playerId !== 0) data.inputs = s.room.inputsOf(s.playerId) ?? null;
    },

    message: (ws, message, isBinary) => {
      d.metrics.countBytesIn(message.byteLength);
      const data = ws.getUserData();
      // message is detached when this handler returns: decode synchronously.
      const bytes = new Uint8Array(message);
      // A player's Inputs, 30 a second, take the short way: scanned in place, rate-checked on the
      // socket's own data, straight to the queue (inputs is null before the join and once refused).
      const inputs = data.inputs;
      if (inputs !== null && isBinary && scanInputFrame(bytes)) {
        if (frameLimits.takeInput(data)) queueInput(inputs, scannedInput);
        else d.refuse(ws, CloseCode.RateLimited, floodReason(ClientMsg.Input));
        return;
      }
      const s = data.session;
      if (s.refused || s.playerId === 0) return;
      if (!isBinary) {
        d.refuse(ws, CloseCode.BadMessage, 'not_binary: frames must be binary msgpack');
        return;
      }
      const r = decodeClientMsg(bytes);
      if (!r.ok) {
        d.refuse(ws, CloseCode.BadMessage, r.reason);
        return;
      }
      const kind = r.msg[0];
      const allowed =
        kind === ClientMsg.Input ? frameLimits.takeInput(data) : frameLimits.takeMessage(s, kind);
      if (!allowed) {
        d.refuse(ws, CloseCode.RateLimited, floodReason(kind));
        return;
      }
      s.room.receive(s.playerId, r.msg);
    },

    close: (ws, code, message) => {
      const s = ws.getUserData().session;
      s.client?.markClosed();
      d.sockets.delete(ws);
      d.limits.closed(s.ip);
      // message is detached when this handler returns: decode it now.
      const text = Buffer.from(message).toString();
      d.metrics.recordClose(code, text);
      // uWS drops a client that broke the protocol itself with 1006 (no handler ran): its seat is freed
      // like any refused bad frame (4001), while a bare 1006 is a lost link and holds it.
      const protocolError = code === 1006 && (text === TOO_BIG_MESSAGE || text === BAD_UTF8_MESSAGE);
      if (protocolError && text === TOO_BIG_MESSAGE) d.counters.refuse('ws_close', 'too_large');
      if (s.playerId !== 0) closeSeat(s, protocolError ? CloseCode.BadMessage : code, d.resume);
      d.log.debug({ room: s.room.code, player: s.playerId, code }, 'closed');
    },
  };
}
