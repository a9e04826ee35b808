/**
 * The admin API behind a bearer token: list every room (private ones too) with its players, close a
 * room (4006), kick a player (4007). Without a configured token every /admin path answers 404.
 */

import type uWS from 'uWebSockets.js';
import { createHash, timingSafeEqual } from 'node:crypto';
import { CloseCode, isRoomCode } from '../../protocol/index.js';

/** Shortest accepted admin token: a guessable token would open the admin API to anyone. */
export const MIN_ADMIN_TOKEN_LENGTH = 16;
/** Close reason sent to the players of a room an operator closes. */
export const ROOM_CLOSED_REASON = 'room_closed: the room was closed by an operator';
/** Close reason sent to a kicked player. */
export const KICKED_REASON = 'kicked: you were removed from the room by an operator';

/** A player as the admin API lists it. */
export interface AdminPlayer {
  readonly id: number;
  readonly name: string;
}

/** A room as the admin API lists it. */
export interface AdminRoom {
  readonly code: string;
  readonly name: string;
  readonly private: boolean;
  readonly state: string;
  readonly maxPlayers: number;
  readonly players: readonly AdminPlayer[];
}

/** What the admin API acts on; each action answers false when the room (or player) does not exist. */
export interface AdminTarget {
  rooms(): readonly AdminRoom[];
  /** Disposes the room, ending its sockets with `closeCode` and `reason`. */
  closeRoom(code: string, closeCode: number, reason: string): boolean;
  /** Ends one player's socket with `closeCode` and `reason` (and frees the seat: no resume). */
  kick(code: string, playerId: number, closeCode: number, reason: string): boolean;
}

/** Audit log of admin actions (pino's Logger fits). */
export interface AdminLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

const STATUS: Readonly<Record<number, string>> = {
  200: '200 OK',
  400: '400 Bad Request',
  401: '401 Unauthorized',
  404: '404 Not Found',
};

function reply(res: uWS.HttpResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res
    .writeStatus(STATUS[status] ?? `${status} Unknown`)
    .writeHeader('Content-Type', 'application/json; charset=utf-8')
    .writeHeader('Cache-Control', 'no-store')
    .writeHeader('X-Content-Type-Options', 'nosniff');
  for (const [k, v] of Object.entries(headers)) res.writeHeader(k, v);
  res.end(JSON.stringify(body));
}

const sha256 = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();

/** A constant-time check of an Authorization header against `token` (digests make the lengths equal). */
export function bearerMatches(header: string, token: string): boolean {
  const m = /^Bearer ([\x21-\x7e]+)$/.exec(header.trim());
  const given = sha256(m?.[1] ?? '');
  return timingSafeEqual(given, sha256(token)) && m !== null;
}

/**
 * Registers /admin/* on `app`. `token` null/undefined/'' disables the API (404 everywhere); a token
 * shorter than MIN_ADMIN_TOKEN_LENGTH throws.
 */
export function registerAdminRoutes(
  app: uWS.TemplatedApp,
  target: AdminTarget,
  token: string | null | undefined,
  log?: AdminLog,
): void {
  if (!token) {
    app.any('/admin/*', (res) =>
      reply(res, 404, { error: 'not_found', reason: 'the admin API is disabled' }),
    );
    return;
  }
  if (token.length < MIN_ADMIN_TOKEN_LENGTH)
    throw new Error(`the admin token must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters`);

  const authorized = (res: uWS.HttpResponse, req: uWS.HttpRequest): boolean => {
    if (bearerMatches(req.getHeader('authorization'), token)) return true;
    log?.warn({ path: req.getUrl(), method: req.getMethod() }, 'admin: unauthorized request');
    reply(
      res,
      401,
      { error: 'unauthorized', reason: 'send Authorization: Bearer <admin token>' },
      { 'WWW-Authenticate': 'Bearer realm="tickfire-admin"' },
    );
    return false;
  };
  const roomCode = (req: uWS.HttpRequest): string | null => {
    const code = req.getParameter(0)?.toUpperCase() ?? '';
    return isRoomCode(code) ? code : null;
  };
  const noRoom = (res: uWS.HttpResponse, raw: string) =>
    reply(res, 404, { error: 'room_not_found', reason: `no room has the code ${raw.slice(0, 12)}` });

  app.get('/admin/rooms', (res, req) => {
    if (!authorized(res, req)) return;
    reply(res, 200, target.rooms());
  });

  app.del('/admin/rooms/:code', (res, req) => {
    if (!authorized(res, req)) return;
    const raw = req.getParameter(0) ?? '';
    const code = roomCode(req);
    if (code === null || !target.closeRoom(code, CloseCode.RoomClosed, ROOM_CLOSED_REASON)) {
      noRoom(res, raw);
      return;
    }
    log?.info({ room: code }, 'admin: room closed');
    reply(res, 200, { ok: true, closed: code });
  });

  app.post('/admin/rooms/:code/kick/:playerId', (res, req) => {
    if (!authorized(res, req)) return;
    const raw = req.getParameter(0) ?? '';
    const code = roomCode(req);
    const idText = req.getParameter(1) ?? '';
    if (code === null) {
      noRoom(res, raw);
      return;
    }
    if (!/^[1-9]\d{0,9}$/.test(idText)) {
      reply(res, 400, { error: 'bad_request', reason: 'playerId must be a positive integer' });
      return;
    }
    const playerId = Number(idText);
    if (!target.kick(code, playerId, CloseCode.Kicked, KICKED_REASON)) {
      reply(res, 404, { error: 'player_not_found', reason: `room ${code} has no player ${playerId}` });
      return;
    }
    log?.info({ room: code, player: playerId }, 'admin: player kicked');
    reply(res, 200, { ok: true, kicked: playerId, room: code });
  });

  app.any('/admin/*', (res, req) => {
    if (!authorized(res, req)) return;
    reply(res, 404, { error: 'not_found', reason: 'unknown admin route' });
  });
}
