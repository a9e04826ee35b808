/** The one validation of a join, shared by the WebSocket upgrade and GET /api/join. */
import { isResume, type JoinRefusal, type JoinRequest, parseJoinQuery } from '../../protocol/index.js';
import type { Matchmaker } from '../room/matchmaker.js';
import type { Room } from '../room/room.js';
import { type ResumeService, resolveResume } from './resume-upgrade.js';

/** A join that may go ahead (room null: quick play would create one; `resume`: the token to redeem), or its refusal. */
export type JoinResolution =
  | { ok: true; request: JoinRequest; room: Room | null; resume?: string }
  | { ok: false; refusal: JoinRefusal };

/** Validates a raw query string and places it; with `create` false no room is created. Resumes need `resume`. */
export function resolveJoin(
  rawQuery: string,
  matchmaker: Matchmaker,
  create: boolean,
  resume?: ResumeService,
): JoinResolution {
  const params = new URLSearchParams(rawQuery);
  const parsed = parseJoinQuery((key) => params.get(key));
  if ('error' in parsed) return { ok: false, refusal: parsed };
  if (isResume(parsed)) return resolveResume(parsed.version, parsed.resume, resume);
  const placed = matchmaker.place(parsed.room, create, parsed.spectate);
  if (!placed.ok) return placed;
  return { ok: true, request: parsed, room: placed.room };
}
