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
import { type OriginOptions, pageOrigin } from './page-origin.js';
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

const PLAYERS_RANGE = `must be an integer from 2 to ${MAX_PLAYERS_LARGE_ROOM}`;

/** A room name: cleaned (PROTOCOL.md §7), then required and at most MAX_ROOM_NAME_LENGTH long. */
const roomName = z.string({ message: 'a room name (a string) is required' }).transform((raw, ctx) => {
  const name = cleanText(raw, MAX_ROOM_NAME_LENGTH);
  if (name.ok) return name.text;
  const message =
    name.reason === 'empty' ? 'a room name is required' : `at most ${MAX_ROOM_NAME_LENGTH} characters`;
  ctx.issues.push({ code: 'custom', message, input: raw });
  return z.NEVER;
});

function bodySchema(defaultMaxPlayers: number) {
  return z
    .object({
      name: roomName,
      maxPlayers: z
        .number({ message: PLAYERS_RANGE })
        .int({ message: PLAYERS_RANGE })
        .min(2, { message: PLAYERS_RANGE })
        .max(MAX_PLAYERS_LARGE_ROOM, { message: PLAYERS_RANGE })
        .default(defaultMaxPlayers),
      private: z.boolean({ message: 'must be true or false' }).default(false),
      arena: z.enum(['standard', 'large'], { message: "must be 'standard' or 'large'" }).default('standard'),
      ...matchFields,
    })
    .refine((b) => b.arena === 'large' || b.maxPlayers <= MAX_PLAYERS_PER_ROOM_LIMIT, {
      path: ['maxPlayers'],
      message: `at most ${MAX_PLAYERS_PER_ROOM_LIMIT} in the standard arena`,
      // Also when other fields are bad (so every reason is given at once), unless these two are.
      when: ({ issues }) => issues.every((i) => i.path?.[0] !== 'maxPlayers' && i.path?.[0] !== 'arena'),
    });
}

/** Parses and validates a JSON body: the request, or a specific reason naming every bad field. */
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
    return { ok: false, reason: reasons.join('; ') };
  }
  return {
    ok: true,
    req: {
      name: parsed.data.name,
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

/**
 * Registers POST /api/rooms: 201 {code, url}, 400/413/503 with {error, reason}; `url` is the room's
 * share link at the origin the request came to.
 */
export function registerCreateRoom(
  app: uWS.TemplatedApp,
  registry: RoomRegistry,
  defaultMaxPlayers: number,
  guard: RequestGuard = () => true,
  origin: OriginOptions = { tls: false, trustProxy: false },
): void {
  app.post('/api/rooms', (res, req) => {
    if (!guard(res, req, true)) return;
    const base = pageOrigin(req, origin);
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
        replyJson(res, 201, { code: room.code, url: `${base}/#/room/${room.code}` });
      });
    });
  });
}
