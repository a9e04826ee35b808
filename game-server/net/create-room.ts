/** POST /api/rooms: validating a room creation request and creating the room. */
import type uWS from 'uWebSockets.js';
import { z } from 'zod';
import {
  ArenaId,
  cleanText,
  GameMode,
  MAX_PLAYERS_LARGE_ROOM,
  MAX_PLAYERS_PER_ROOM_LIMIT,
  MAX_ROOM_NAME_LENGTH,
} from '../../protocol/index.js';
import type { RoomRegistry } from '../room/room-registry.js';
import { type MatchRequest, matchFields, toMatchOptions } from './create-room-match.js';
import { replyJson } from './http-reply.js';
import { readBody } from './read-body.js';
import type { RequestGuard } from './request-guard.js';

/** Largest accepted request body. */
export const MAX_CREATE_BODY_BYTES = 4 * 1024;

/** A validated creation request. */
export interface CreateRoomRequest {
  readonly name: string;
  readonly maxPlayers: number;
  readonly isPrivate: boolean;
  /** ArenaId: 'large' picks the big arena with interest management. */
  readonly arenaId: number;
  /** Mode and bots (`mode`, `bots`, `difficulty` in the body). */
  readonly match: MatchRequest;
}

function bodySchema(defaultMaxPlayers: number) {
  return z.object({
    name: z.string(),
    maxPlayers: z.number().int().min(2).max(MAX_PLAYERS_LARGE_ROOM).default(defaultMaxPlayers),
    private: z.boolean().default(false),
    arena: z.enum(['standard', 'large']).default('standard'),
    ...matchFields,
  });
}

/** Parses and validates a JSON body: the request, or a specific reason. */
export function parseCreateRoom(
  body: string,
  defaultMaxPlayers: number,
): { ok: true; req: CreateRoomRequest } | { ok: false; reason: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    return { ok: false, reason: 'body is not valid JSON' };
  }
  const parsed = bodySchema(defaultMaxPlayers).safeParse(raw);
  if (!parsed.success) {
    // Every bad field, so a host fixes the request in one go: "maxPlayers: ...; private: ...".
    const reasons = parsed.error.issues.map((issue) => {
      const field = issue.path.length > 0 ? issue.path.join('.') : 'body';
      return `${field}: ${issue.message}`;
    });
    return { ok: false, reason: reasons.join('; ') || 'body: invalid' };
  }
  if (parsed.data.arena === 'standard' && parsed.data.maxPlayers > MAX_PLAYERS_PER_ROOM_LIMIT) {
    return { ok: false, reason: `maxPlayers: at most ${MAX_PLAYERS_PER_ROOM_LIMIT} in the standard arena` };
  }
  const name = cleanText(parsed.data.name, MAX_ROOM_NAME_LENGTH);
  if (!name.ok) {
    const why =
      name.reason === 'empty' ? 'a room name is required' : `at most ${MAX_ROOM_NAME_LENGTH} characters`;
    return { ok: false, reason: `name: ${why}` };
  }
  return {
    ok: true,
    req: {
      name: name.text,
      maxPlayers: parsed.data.maxPlayers,
      isPrivate: parsed.data.private,
      arenaId: parsed.data.arena === 'large' ? ArenaId.Large : ArenaId.Standard,
      match: {
        mode: parsed.data.mode === 'tdm' ? GameMode.TeamDeathmatch : GameMode.FreeForAll,
        bots: parsed.data.bots,
        difficulty: parsed.data.difficulty,
      },
    },
  };
}

/** Registers POST /api/rooms: 201 {code, url}, 400/413/503 with {error, reason}. */
export function registerCreateRoom(
  app: uWS.TemplatedApp,
  registry: RoomRegistry,
  defaultMaxPlayers: number,
  guard: RequestGuard = () => true,
): void {
  app.post('/api/rooms', (res, req) => {
    if (!guard(res, req, true)) return;
    const host = req.getHeader('host') || 'localhost';
    readBody(res, req.getHeader('content-length'), MAX_CREATE_BODY_BYTES, (r) => {
      res.cork(() => {
        if (!r.ok) {
          const reason = `body is larger than ${MAX_CREATE_BODY_BYTES} bytes`;
          replyJson(res, 413, { error: 'too_large', reason }, true);
          return;
        }
        const parsed = parseCreateRoom(r.body.toString('utf8'), defaultMaxPlayers);
        if (!parsed.ok) {
          replyJson(res, 400, { error: 'bad_request', reason: parsed.reason });
          return;
        }
        const room = registry.create({ ...parsed.req, match: toMatchOptions(parsed.req.match) });
        if (!room) {
          replyJson(res, 503, { error: 'server_full', reason: 'the server has reached its room limit' });
          return;
        }
        replyJson(res, 201, { code: room.code, url: `http://${host}/#/room/${room.code}` });
      });
    });
  });
}
