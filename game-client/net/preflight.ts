/** Asks GET /api/join whether a join would be accepted, since browsers cannot read a failed upgrade's status. */
import {
  JoinError,
  type JoinErrorCode,
  type JoinQueryOptions,
  joinQuery,
  type RoomRequest,
} from '../../protocol/index.js';
import { describeJoinFailure, type JoinFailureCode } from './close-reason.js';

/** A fetch-like function (the browser's, or a fake in tests). */
export type FetchLike = (url: string) => Promise<{
  readonly ok: boolean;
  readonly status: number;
  json(): Promise<unknown>;
}>;

/** Outcome of a preflight: accepted (with the room code when known), or refused with a sentence. */
export type PreflightResult =
  | {
      readonly ok: true;
      readonly code: string | null;
      /** Cluster mode: base URL of the process hosting the room, and the seat token to present there. */
      readonly url?: string;
      readonly seat?: string;
    }
  | { readonly ok: false; readonly error: JoinFailureCode; readonly message: string };

const isJoinErrorCode = (v: unknown): v is JoinErrorCode => typeof v === 'string' && v in JoinError;

/** Runs the join validation of the server without joining. Never throws. */
export async function preflightJoin(
  fetchFn: FetchLike,
  name: string,
  room: RoomRequest,
  base = '',
  opts: JoinQueryOptions = {},
): Promise<PreflightResult> {
  let res: Awaited<ReturnType<FetchLike>>;
  try {
    res = await fetchFn(`${base}/api/join?${joinQuery(name, room, opts)}`);
  } catch {
    return { ok: false, error: 'unreachable', message: describeJoinFailure('unreachable') };
  }
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    body = null;
  }
  const record = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  if (res.ok) {
    const code = typeof record.code === 'string' ? record.code : null;
    const { url, seat } = record;
    if (typeof url === 'string' && typeof seat === 'string') return { ok: true, code, url, seat };
    return { ok: true, code };
  }
  const reason = typeof record.reason === 'string' ? record.reason : undefined;
  const error: JoinFailureCode = isJoinErrorCode(record.error)
    ? record.error
    : res.status >= 502 && res.status <= 504
      ? 'unreachable'
      : 'server_error';
  return { ok: false, error, message: describeJoinFailure(error, reason) };
}
