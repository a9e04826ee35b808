/**
 * Resuming a dropped session: which closes are worth a resume, the backoff schedule, and the retry
 * loop (probe GET /api/join?resume=TOKEN, then reopen the socket with the same token) until the grace
 * period ends. The token lives in memory only. On a refusal the caller falls back to matchmaking.
 */
import {
  CloseCode,
  JoinError,
  type RoomRequest,
  resumeQuery,
  SEAT_ENDING_CLOSE_CODES,
} from '../../protocol/index.js';
import type { CloseInfo } from './connection.js';
import type { FetchLike } from './preflight.js';

/** How long the server keeps a dropped seat by default (its --resume-grace). */
export const RESUME_GRACE_MS = 20_000;
/** First retry delay; each next one doubles up to RETRY_CAP_MS, then +-25% jitter. */
export const RETRY_BASE_MS = 500;
/** Longest wait between two attempts. */
export const RETRY_CAP_MS = 4000;
/** What the player reads after a failed resume put them into another room. */
export const REMATCH_MESSAGE = "Your room's server went away; you've been matched into a new room.";

/**
 * Rematch joins whose socket never opened are retried this often, REMATCH_RETRY_MS apart: for a few
 * seconds after a process dies the directory still lists its rooms (node expiry, 5 s by default).
 */
export const REMATCH_RETRIES = 10;
/** Wait before retrying a rematch join that could not connect. */
export const REMATCH_RETRY_MS = 1000;

/** Closes after which resuming is pointless: refusals, removals, and another tab taking the seat. */
const FINAL_CODES: ReadonlySet<number> = new Set([...SEAT_ENDING_CLOSE_CODES, CloseCode.Replaced]);

const REMATCH_WORDS = ['resume_failed', 'server_draining', 'server_shutdown'];

/**
 * True if no resume can repair this close: refusals, removals, another tab taking the seat, or a seat
 * or server that is gone (isRematch). Used both for a first drop and for the close of a resume attempt.
 */
export function isFinalClose(info: CloseInfo): boolean {
  return FINAL_CODES.has(info.code) || isRematch(info);
}

/** True if the server dropped or lost us in a way a resume with `token` may repair. */
export function isResumable(info: CloseInfo, token: string): boolean {
  return token !== '' && !info.byClient && info.wasOpen && !isFinalClose(info);
}

/** True if the session ended in a way that calls for matchmaking again (the seat is gone, not refused). */
export function isRematch(info: CloseInfo): boolean {
  return REMATCH_WORDS.some((w) => info.reason.startsWith(w));
}

/** Delay before attempt `n` (1, 2, ...): 0.5, 1, 2, 4, 4... s, each scaled by 0.75..1.25 (`random` in [0, 1)). */
export function retryDelayMs(n: number, random: () => number): number {
  const base = Math.min(RETRY_CAP_MS, RETRY_BASE_MS * 2 ** Math.max(0, n - 1));
  return Math.round(base * (0.75 + 0.5 * random()));
}

/** The WebSocket URL of a resume on the server of `wsUrl` (or on `nodeUrl`, an http(s) base, in cluster mode). */
export function resumeUrl(wsUrl: string, token: string, nodeUrl?: string): string {
  const u = new URL(wsUrl);
  const n = nodeUrl ? new URL(nodeUrl) : null;
  const scheme = n ? (n.protocol === 'https:' ? 'wss:' : 'ws:') : u.protocol;
  return `${scheme}//${n ? n.host : u.host}${u.pathname}?${resumeQuery(token)}`;
}

/** The http(s) origin of a WebSocket URL. */
export function httpOrigin(wsUrl: string): string {
  const u = new URL(wsUrl);
  return `${u.protocol === 'wss:' ? 'https:' : 'http:'}//${u.host}`;
}

/** Outcome of a resume probe: go ahead (on `url` when another node holds the seat), refused, or unreachable. */
export type ResumeProbe =
  | { readonly kind: 'ok'; readonly url?: string }
  | { readonly kind: 'refused' | 'unreachable' };

/** Asks GET /api/join?resume=TOKEN whether the seat can be resumed (never throws, never burns the token). */
export async function probeResume(fetchFn: FetchLike, base: string, token: string): Promise<ResumeProbe> {
  try {
    const res = await fetchFn(`${base}/api/join?${resumeQuery(token)}`);
    if (res.status === JoinError.resume_failed || res.status === JoinError.bad_request)
      return { kind: 'refused' };
    if (!res.ok) return { kind: 'unreachable' };
    const body: unknown = await res.json().catch(() => null);
    const url = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).url : undefined;
    return typeof url === 'string' ? { kind: 'ok', url } : { kind: 'ok' };
  } catch {
    return { kind: 'unreachable' };
  }
}

/** What the overlay shows while resuming. */
export interface ReconnectStatus {
  /** Attempt number, from 1. */
  readonly attempt: number;
  /** Milliseconds until the next attempt starts (0 while one is running). */
  readonly nextInMs: number;
  /** Milliseconds left of the grace period. */
  readonly leftMs: number;
}

/** What a Reconnector drives. */
export interface ReconnectDeps {
  /** Probes whether the seat can still be taken back. */
  readonly probe: (token: string) => Promise<ResumeProbe>;
  /** Opens a socket with `resume=token` (to `nodeUrl` if given); its Welcome or close is reported back. */
  readonly reopen: (token: string, nodeUrl?: string) => void;
  /** Resuming is over: `resumed` true on success, else the seat is lost (fall back to matchmaking). */
  readonly done: (resumed: boolean) => void;
  readonly onStatus: (s: ReconnectStatus) => void;
  readonly setTimer: (fn: () => void, ms: number) => unknown;
  readonly clearTimer: (h: unknown) => void;
  readonly now: () => number;
  /** @default Math.random */
  readonly random?: () => number;
  /** @default RESUME_GRACE_MS */
  readonly graceMs?: number;
}

/** The retry loop of one drop: attempts with backoff until a Welcome, a refusal or the end of the grace. */
export class Reconnector {
  private attempt = 0;
  private deadline = 0;
  private timer: unknown;
  private token = '';
  private running = false;
  private probing = false;

  constructor(private readonly d: ReconnectDeps) {}

  /** True between a drop and its outcome. */
  get active(): boolean {
    return this.running;
  }

  /** Starts resuming with `token` (the last one Welcome gave). */
  start(token: string): void {
    this.stop();
    this.token = token;
    this.running = true;
    this.attempt = 0;
    this.deadline = this.d.now() + (this.d.graceMs ?? RESUME_GRACE_MS);
    this.schedule();
  }

  /** The resumed socket got its Welcome. */
  resumed(): void {
    if (!this.running) return;
    this.stop();
    this.d.done(true);
  }

  /** The attempt's socket closed before a Welcome: try again later. */
  attemptFailed(): void {
    if (this.running && !this.probing) this.schedule();
  }

  /** Cancels without an outcome (the player left). */
  stop(): void {
    this.running = false;
    if (this.timer !== undefined) this.d.clearTimer(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    const wait = retryDelayMs(this.attempt + 1, this.d.random ?? Math.random);
    const left = this.deadline - this.d.now();
    if (left <= wait) {
      this.giveUp();
      return;
    }
    this.d.onStatus({ attempt: this.attempt + 1, nextInMs: wait, leftMs: left });
    this.timer = this.d.setTimer(() => void this.run(), wait);
  }

  private async run(): Promise<void> {
    this.timer = undefined;
    this.attempt += 1;
    this.d.onStatus({
      attempt: this.attempt,
      nextInMs: 0,
      leftMs: Math.max(0, this.deadline - this.d.now()),
    });
    this.probing = true;
    const p = await this.d.probe(this.token);
    this.probing = false;
    if (!this.running) return;
    if (p.kind === 'ok') this.d.reopen(this.token, p.url);
    else if (p.kind === 'refused') this.giveUp();
    else this.schedule();
  }

  private giveUp(): void {
    this.stop();
    this.d.done(false);
  }
}

/** After a lost seat: the same room if it still exists (GET /api/rooms/CODE), else quick play. */
export async function rematchRoom(fetchFn: FetchLike, code: string | undefined): Promise<RoomRequest> {
  if (!code) return { kind: 'quick' };
  try {
    const res = await fetchFn(`/api/rooms/${encodeURIComponent(code)}`);
    return res.ok ? { kind: 'code', code } : { kind: 'quick' };
  } catch {
    return { kind: 'quick' };
  }
}
