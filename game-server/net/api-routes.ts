/** Read-only HTTP API: health, room listing and lookup, and the join probe. */
import type uWS from 'uWebSockets.js';
import { isRoomCode, JoinError } from '../../protocol/index.js';
import type { Matchmaker } from '../room/matchmaker.js';
import type { RoomRegistry } from '../room/room-registry.js';
import { replyJson } from './http-reply.js';
import { resolveJoin } from './join.js';
import type { RequestGuard } from './request-guard.js';
import type { ResumeService } from './resume-upgrade.js';
import { DRAINING_JOIN_REASON } from './seat-upgrade.js';

/** What the API routes read. */
export interface ApiDeps {
  readonly registry: RoomRegistry;
  readonly matchmaker: Matchmaker;
  readonly native: boolean;
  /** Monotonic ms at start-up, for uptime. */
  readonly startedAt: number;
  readonly now: () => number;
  /** Per-address join-attempt limit (GET /api/join counts as an attempt). */
  readonly guard: RequestGuard;
  /** Register the in-process lobby routes (false in cluster mode: cluster-routes.ts serves them). @default true */
  readonly lobby?: boolean;
  /** Resume tokens (GET /api/join?resume=TOKEN checks one without redeeming it). */
  readonly resume?: ResumeService;
}

/** Registers GET /healthz and (unless `lobby` is false) /api/rooms, /api/rooms/:code and /api/join. */
export function registerApiRoutes(app: uWS.TemplatedApp, d: ApiDeps): void {
  app.get('/healthz', (res) => {
    replyJson(res, 200, {
      ok: true,
      native: d.native,
      rooms: d.registry.size,
      players: d.registry.playerCount,
      uptimeS: Math.round((d.now() - d.startedAt) / 1000),
    });
  });
  if (d.lobby === false) return;

  app.get('/api/rooms', (res) => {
    const rooms = [...d.registry.all()]
      .filter((r) => !r.isPrivate)
      .map((r) => {
        const { code, name, players, maxPlayers, state, mode, bots } = r.info();
        return { code, name, players, maxPlayers, state, mode, bots };
      });
    replyJson(res, 200, rooms);
  });

  app.get('/api/rooms/:code', (res, req) => {
    const code = req.getParameter(0).toUpperCase();
    const room = isRoomCode(code) ? d.registry.get(code) : undefined;
    if (!room) {
      replyJson(res, 404, { error: 'room_not_found', reason: `no room has the code ${code.slice(0, 12)}` });
      return;
    }
    replyJson(res, 200, room.info());
  });

  // Browsers cannot read the status of a refused upgrade, so the client asks here first.
  app.get('/api/join', (res, req) => {
    if (!d.guard(res, req, false)) return;
    const r = resolveJoin(req.getQuery() ?? '', d.matchmaker, false, d.resume);
    if (r.ok && !r.resume && d.registry.draining)
      replyJson(res, JoinError.server_full, { error: 'server_full', reason: DRAINING_JOIN_REASON });
    else if (!r.ok) replyJson(res, JoinError[r.refusal.error], r.refusal);
    else replyJson(res, 200, { code: r.room?.code ?? null });
  });
}
