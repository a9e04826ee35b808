/** The upgrade with `seat=TOKEN` (cluster mode): the seat is consumed in Redis, then the socket joins its room here. */
import type uWS from 'uWebSockets.js';
import {
  isRefusal,
  isResume,
  type JoinErrorCode,
  type JoinRefusal,
  type JoinRequest,
  parseJoinQuery,
} from '../../protocol/index.js';
import type { ClusterDirectory, SeatTake } from '../cluster/index.js';
import type { RoomRegistry } from '../room/room-registry.js';
import type { FrameLimits } from './frame-limits.js';
import { replyJson } from './http-reply.js';
import { createSession, sessionData } from './session.js';

/** The parts of an upgrade request read before any await (uWS invalidates req after the handler). */
export interface PendingUpgrade {
  readonly res: uWS.HttpResponse;
  readonly context: uWS.us_socket_context_t;
  readonly query: string;
  readonly key: string;
  readonly protocol: string;
  readonly extensions: string;
  readonly ip: string;
}

/** What the seat upgrade uses. */
export interface SeatDeps {
  /** Null in embedded mode: seats are refused. */
  readonly directory: ClusterDirectory | null;
  readonly registry: RoomRegistry;
  /** The server's inbound frame rates (a seated session starts with full buckets). */
  readonly frameLimits: FrameLimits;
  /** Answers the upgrade with a refusal (counted); must run corked. */
  readonly refuseHttp: (res: uWS.HttpResponse, error: JoinErrorCode, reason: string) => void;
}

/** Reason of a seat refused because this process drains. */
export const DRAINING_JOIN_REASON =
  'server_draining: this server is restarting, join again to be matched elsewhere';

/** True when the query carries a seat token (then upgradeWithSeat handles it). */
export function hasSeat(query: string): boolean {
  return new URLSearchParams(query).has('seat');
}

/** The seat request of a query, or the refusal it earns before any Redis round trip. */
function checkSeat(
  query: string,
  d: SeatDeps,
): { ok: true; request: JoinRequest; code: string; seat: string } | { ok: false; refusal: JoinRefusal } {
  const params = new URLSearchParams(query);
  const parsed = parseJoinQuery((k) => params.get(k));
  if (isRefusal(parsed)) return { ok: false, refusal: parsed };
  if (isResume(parsed) || parsed.seat === null || parsed.room.kind !== 'code')
    return { ok: false, refusal: { error: 'invalid_seat', reason: 'a seat token must come with room=CODE' } };
  if (!d.directory)
    return { ok: false, refusal: { error: 'invalid_seat', reason: 'this server is not part of a cluster' } };
  if (d.registry.draining)
    return { ok: false, refusal: { error: 'server_full', reason: DRAINING_JOIN_REASON } };
  return { ok: true, request: parsed, code: parsed.room.code, seat: parsed.seat };
}

/** Validates, consumes the seat asynchronously (abort-safe), then upgrades into the seat's room. */
export function upgradeWithSeat(u: PendingUpgrade, d: SeatDeps): void {
  const { res } = u;
  const checked = checkSeat(u.query, d);
  if (!checked.ok || !d.directory) {
    if (!checked.ok) d.refuseHttp(res, checked.refusal.error, checked.refusal.reason);
    return;
  }
  const { request, code } = checked;
  let aborted = false;
  res.onAborted(() => {
    aborted = true;
  });
  d.directory.consumeSeat(checked.seat).then(
    (r) => {
      // A seat spent on an aborted upgrade is lost: the client asks /api/join again.
      if (aborted) return;
      res.cork(() => {
        const refusal = seatRefusal(r, code, d);
        if (refusal) {
          d.refuseHttp(res, refusal.error, refusal.reason);
          return;
        }
        const room = d.registry.get(code);
        if (!room || !r.ok) return;
        const data = sessionData(createSession(room, r.seat.name, u.ip, d.frameLimits), d.frameLimits);
        data.session.spectate = request.spectate;
        res.upgrade(data, u.key, u.protocol, u.extensions, u.context);
      });
    },
    () => {
      if (aborted) return;
      res.cork(() =>
        replyJson(res, 503, { error: 'server_full', reason: 'the server cluster is unavailable' }),
      );
    },
  );
}

function seatRefusal(r: SeatTake, code: string, d: SeatDeps): JoinRefusal | null {
  if (!r.ok) return { error: 'invalid_seat', reason: r.reason };
  if (r.seat.code !== code) return { error: 'invalid_seat', reason: 'this seat is for another room' };
  const room = d.registry.get(code);
  if (!room || room.disposed) return { error: 'room_not_found', reason: `room ${code} is gone` };
  if (d.registry.draining) return { error: 'server_full', reason: DRAINING_JOIN_REASON };
  return null;
}
