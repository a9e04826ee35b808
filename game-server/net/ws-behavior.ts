/** The WebSocket endpoint: handshake validation at upgrade, joining at open, strict frame decoding. */
import uWS from 'uWebSockets.js';
import { CloseCode, JoinError, MAX_CLIENT_FRAME_BYTES } from '../../protocol/index.js';
import { decodeClientMsg } from '../../protocol/validate.js';
import type { Logger } from '../logger.js';
import type { Matchmaker } from '../room/matchmaker.js';
import { replyJson } from './http-reply.js';
import { resolveJoin } from './join.js';
import { createSession, type Session, type SessionData, socketClient, truncateReason } from './session.js';

/** Most bytes buffered per socket before uWS skips sends to it. */
export const MAX_BACKPRESSURE_BYTES = 256 * 1024;
/** Seconds of silence before uWS closes a socket (must be 0 or 8..960, or uWS aborts the process). */
export const IDLE_TIMEOUT_S = 30;

/** Builds the uWS behaviour of WS_PATH. */
export function createWsBehavior(matchmaker: Matchmaker, log: Logger): uWS.WebSocketBehavior<SessionData> {
  return {
    compression: uWS.DISABLED,
    // Frames over this size are refused by uWS itself, which drops the connection (the client sees 1006)
    // before any handler runs; decodeClientMsg re-checks the bound anyway.
    maxPayloadLength: MAX_CLIENT_FRAME_BYTES,
    idleTimeout: IDLE_TIMEOUT_S,
    sendPingsAutomatically: true,
    maxBackpressure: MAX_BACKPRESSURE_BYTES,
    // Typed as a number in the typings; 0 is false: slow consumers are not closed, their State is skipped.
    closeOnBackpressureLimit: 0,

    upgrade: (res, req, context) => {
      // req is only valid during this call: read everything first.
      const query = req.getQuery() ?? '';
      const key = req.getHeader('sec-websocket-key');
      const protocol = req.getHeader('sec-websocket-protocol');
      const extensions = req.getHeader('sec-websocket-extensions');
      const r = resolveJoin(query, matchmaker, true);
      if (!r.ok) {
        replyJson(res, JoinError[r.refusal.error], r.refusal);
        return;
      }
      if (!r.room) {
        replyJson(res, JoinError.server_full, { error: 'server_full', reason: 'no room available' });
        return;
      }
      const data: SessionData = { session: createSession(r.room, r.request.name) };
      res.upgrade(data, key, protocol, extensions, context);
    },

    open: (ws) => {
      const s = ws.getUserData().session;
      const out = s.room.join(s.name, socketClient(ws, s));
      if (out.ok) {
        s.playerId = out.playerId;
        log.debug({ room: s.room.code, player: s.playerId }, 'joined');
        return;
      }
      if (out.error === 'room_full') ws.end(CloseCode.RoomFull, `room_full: room ${s.room.code} filled up`);
      else ws.end(CloseCode.RoomNotFound, `room_not_found: room ${s.room.code} is gone`);
    },

    message: (ws, data, isBinary) => {
      const s = ws.getUserData().session;
      if (s.closed || s.refused || s.playerId === 0) return;
      if (!isBinary) {
        refuse(ws, s, 'not_binary: frames must be binary msgpack', log);
        return;
      }
      // data is detached when this handler returns: decode synchronously.
      const r = decodeClientMsg(new Uint8Array(data));
      if (!r.ok) {
        refuse(ws, s, r.reason, log);
        return;
      }
      s.room.receive(s.playerId, r.msg);
    },

    close: (ws, code) => {
      const s = ws.getUserData().session;
      s.closed = true;
      if (s.playerId !== 0) s.room.leave(s.playerId);
      log.debug({ room: s.room.code, player: s.playerId, code }, 'closed');
    },
  };
}

function refuse(ws: uWS.WebSocket<SessionData>, s: Session, reason: string, log: Logger): void {
  s.refused = true;
  log.warn({ room: s.room.code, player: s.playerId, reason }, 'bad client frame: closing socket');
  ws.end(CloseCode.BadMessage, truncateReason(reason));
}
