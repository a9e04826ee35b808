/** The WebSocket URL of a join: the page's own server, or (cluster mode) the process the preflight seated us on. */
import { type JoinQueryOptions, joinQuery, type RoomRequest, WS_PATH } from '../../protocol/index.js';
import { wsUrl } from './connection.js';

/** What a successful preflight may carry in cluster mode. */
export interface SeatAnswer {
  readonly code: string | null;
  readonly url?: string;
  readonly seat?: string;
}

/** ws(s)://… of an http(s) base URL (path prefix kept, trailing slash dropped). */
export function wsBase(httpUrl: string): string {
  return httpUrl.replace(/^http/i, 'ws').replace(/\/+$/, '');
}

/** Joins on the seat's node with `room=CODE&seat=TOKEN` when the preflight gave one, else on this page's server. */
export function joinUrl(
  loc: { protocol: string; host: string },
  name: string,
  room: RoomRequest,
  pre: SeatAnswer,
  opts: JoinQueryOptions = {},
): string {
  if (pre.url === undefined || pre.seat === undefined || pre.code === null)
    return wsUrl(loc, name, room, opts);
  const query = joinQuery(name, { kind: 'code', code: pre.code }, { ...opts, seat: pre.seat });
  return `${wsBase(pre.url)}${WS_PATH}?${query}`;
}
