/** The WebSocket handshake: query parameters a client sends to join, and their validation. */
import { MAX_NAME_LENGTH, PROTOCOL_VERSION, ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH } from './constants.js';
import { cleanText } from './text.js';

/** What a joining client asks for: quick play, or a room by code. */
export type RoomRequest = { kind: 'quick' } | { kind: 'code'; code: string };

/** A validated join request. */
export interface JoinRequest {
  readonly version: number;
  readonly name: string;
  readonly room: RoomRequest;
  /** Join as a spectator (`spectate=1`): watch without a seat in the game. */
  readonly spectate: boolean;
  /** A seat token from the cluster matchmaker (`seat=TOKEN`, with `room=CODE`), or null. */
  readonly seat: string | null;
}

/** A request to take back a seat after a dropped connection (`resume=TOKEN`, nothing else but `v`). */
export interface ResumeRequest {
  readonly version: number;
  readonly resume: string;
}

/** Shape of resume and seat tokens: base64url, 16..64 characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

/**
 * Why a join was refused, with the HTTP status the upgrade (and GET /api/join) answers with.
 * The same codes appear as `error` in JSON error bodies.
 */
export const JoinError = {
  version_mismatch: 426,
  bad_name: 400,
  bad_request: 400,
  room_not_found: 404,
  room_full: 409,
  server_full: 503,
  rate_limited: 429,
  bad_origin: 403,
  resume_failed: 410,
  invalid_seat: 403,
} as const;
export type JoinErrorCode = keyof typeof JoinError;

/** A refusal: machine code plus a sentence for people. */
export interface JoinRefusal {
  readonly error: JoinErrorCode;
  readonly reason: string;
}

const CODE_PATTERN = new RegExp(`^[${ROOM_CODE_ALPHABET}]{${ROOM_CODE_LENGTH}}$`);

/** True if `code` has the shape of a room code (after upper-casing). */
export function isRoomCode(code: string): boolean {
  return CODE_PATTERN.test(code);
}

/** Optional parts of a join query. */
export interface JoinQueryOptions {
  readonly spectate?: boolean;
  readonly seat?: string;
}

/** Builds the query string of a join: `v`, `name`, `room=CODE` or `quick=1`, then `spectate`/`seat`. */
export function joinQuery(name: string, room: RoomRequest, opts: JoinQueryOptions = {}): string {
  const q = new URLSearchParams({ v: String(PROTOCOL_VERSION), name });
  if (room.kind === 'quick') q.set('quick', '1');
  else q.set('room', room.code);
  if (opts.spectate) q.set('spectate', '1');
  if (opts.seat) q.set('seat', opts.seat);
  return q.toString();
}

/** Builds the query string of a resume: `v` and `resume=TOKEN`. */
export function resumeQuery(token: string): string {
  return new URLSearchParams({ v: String(PROTOCOL_VERSION), resume: token }).toString();
}

/** Validates join query parameters (`get` reads one parameter, null if absent). */
export function parseJoinQuery(
  get: (key: string) => string | null,
): JoinRequest | ResumeRequest | JoinRefusal {
  const v = get('v');
  const version = v !== null && /^\d{1,6}$/.test(v) ? Number(v) : Number.NaN;
  if (version !== PROTOCOL_VERSION) {
    return {
      error: 'version_mismatch',
      reason: `client speaks protocol ${v ?? 'none'}, server speaks ${PROTOCOL_VERSION}: reload the page`,
    };
  }
  const resume = get('resume');
  if (resume !== null) {
    if (!TOKEN_PATTERN.test(resume))
      return { error: 'resume_failed', reason: 'that resume token is not valid' };
    return { version, resume };
  }
  const name = cleanText(get('name') ?? '', MAX_NAME_LENGTH);
  if (!name.ok) {
    return {
      error: 'bad_name',
      reason:
        name.reason === 'empty'
          ? 'a player name is required'
          : `player names are at most ${MAX_NAME_LENGTH} characters`,
    };
  }
  const quick = get('quick');
  const room = get('room');
  const spectate = get('spectate') === '1';
  const seat = get('seat');
  if (seat !== null && (!room || !TOKEN_PATTERN.test(seat))) {
    return { error: 'invalid_seat', reason: 'a seat token must be valid and come with room=CODE' };
  }
  if (quick === '1' && !room)
    return { version, name: name.text, room: { kind: 'quick' }, spectate, seat: null };
  if (room && quick === null) {
    const code = room.trim().toUpperCase();
    if (!isRoomCode(code))
      return { error: 'room_not_found', reason: `no room has the code ${code.slice(0, 12)}` };
    return { version, name: name.text, room: { kind: 'code', code }, spectate, seat };
  }
  return { error: 'bad_request', reason: 'give either room=CODE or quick=1' };
}

/** Narrows a parse result to a refusal. */
export function isRefusal(r: JoinRequest | ResumeRequest | JoinRefusal): r is JoinRefusal {
  return 'error' in r;
}

/** Narrows a parse result to a resume request. */
export function isResume(r: JoinRequest | ResumeRequest | JoinRefusal): r is ResumeRequest {
  return 'resume' in r;
}
