/**
 * Reconnection bookkeeping for one process: a secret token per player seat that lets a dropped client
 * take its seat back within a grace period. Tokens are bearer secrets: never log them. Only SHA-256
 * digests are kept, and `toJSON` reports counts only, so a logged ResumeTokens leaks nothing.
 */
import { createHash, randomBytes } from 'node:crypto';
import { realTimers, type Timers } from './timers.js';

/** The seat a token stands for. */
export interface Seat {
  readonly roomCode: string;
  readonly playerId: number;
}

/** A successful redeem: the seat, the token that replaces the redeemed one, and whether it was held. */
export interface Redeemed {
  readonly seat: Seat;
  /** The rotated token: send it to the client (Welcome); the redeemed one is now refused. */
  readonly token: string;
  /**
   * False when the seat was still connected (the server had not noticed the drop yet): the caller must
   * end the old socket without letting its close handler free the seat.
   */
  readonly wasHeld: boolean;
}

/** How ResumeTokens is built. */
export interface ResumeTokensOptions {
  /** Called once when a held seat's grace period ends unredeemed (the room removes the player). */
  readonly onExpire: (seat: Seat) => void;
  /** @default realTimers */
  readonly timers?: Timers;
  /** Token source (tests may inject); must return at least 128 bits of CSPRNG output. @default newResumeToken */
  readonly newToken?: () => string;
}

/** Shape of a token from newResumeToken: 16 random bytes in base64url (22 characters). */
export const RESUME_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** A fresh 128-bit CSPRNG token in base64url. */
export function newResumeToken(): string {
  return randomBytes(16).toString('base64url');
}

/** True if `s` has the shape of a resume token (check before any lookup of untrusted input). */
export function isResumeTokenShape(s: string): boolean {
  return RESUME_TOKEN_PATTERN.test(s);
}

interface Entry {
  readonly seat: Seat;
  /** Grace timer while the seat is held (its client disconnected), undefined while connected. */
  timer: unknown;
  held: boolean;
}

const digest = (token: string): string => createHash('sha256').update(token).digest('base64url');
const seatKey = (seat: Seat): string => `${seat.roomCode}/${seat.playerId}`;

/** Resume tokens of one process, keyed by digest; at most one live token per seat. */
export class ResumeTokens {
  private readonly byDigest = new Map<string, Entry>();
  private readonly digestBySeat = new Map<string, string>();
  private readonly timers: Timers;
  private readonly newToken: () => string;

  constructor(private readonly opts: ResumeTokensOptions) {
    this.timers = opts.timers ?? realTimers;
    this.newToken = opts.newToken ?? newResumeToken;
  }

  /** Live tokens (connected or held). */
  get size(): number {
    return this.byDigest.size;
  }

  /** Seats waiting for their client to come back. */
  get heldCount(): number {
    let n = 0;
    for (const e of this.byDigest.values()) if (e.held) n++;
    return n;
  }

  /** Issues the token of a connected seat; any earlier token of the same seat stops working. */
  issue(seat: Seat): string {
    this.dropSeat(seat);
    return this.store({ roomCode: seat.roomCode, playerId: seat.playerId });
  }

  /**
   * On disconnect: keeps the seat for `graceMs`, then calls onExpire. False if the token is unknown
   * (already redeemed by a newer connection, released, or expired): the caller must not free the seat.
   */
  hold(token: string, graceMs: number): boolean {
    const d = digest(token);
    const e = this.byDigest.get(d);
    if (!e) return false;
    if (e.held) this.timers.clear(e.timer);
    e.held = true;
    e.timer = this.timers.set(() => {
      if (this.byDigest.get(d) !== e) return;
      this.forget(d, e);
      this.opts.onExpire(e.seat);
    }, graceMs);
    return true;
  }

  /**
   * The seat of a live token without consuming it: the upgrade checks with peek, and the open handler
   * redeems, so a client that aborts between the two keeps a working token.
   */
  peek(token: string): Seat | null {
    if (!isResumeTokenShape(token)) return null;
    return this.byDigest.get(digest(token))?.seat ?? null;
  }

  /** Takes the seat back and rotates its token; null for a forged, reused, released or expired token. */
  redeem(token: string): Redeemed | null {
    if (!isResumeTokenShape(token)) return null;
    const d = digest(token);
    const e = this.byDigest.get(d);
    if (!e) return null;
    const wasHeld = e.held;
    this.forget(d, e);
    return { seat: e.seat, token: this.store(e.seat), wasHeld };
  }

  /** Ends a token without calling onExpire (the player left on purpose). */
  release(token: string): void {
    const d = digest(token);
    const e = this.byDigest.get(d);
    if (e) this.forget(d, e);
  }

  /** Drops every token of a room (it was disposed), without calling onExpire. */
  releaseRoom(roomCode: string): void {
    for (const [d, e] of [...this.byDigest]) if (e.seat.roomCode === roomCode) this.forget(d, e);
  }

  /** Drops every token and timer. */
  clear(): void {
    for (const [d, e] of [...this.byDigest]) this.forget(d, e);
  }

  /** Counts only: tokens must never reach a log line. */
  toJSON(): { tokens: number; held: number } {
    return { tokens: this.size, held: this.heldCount };
  }

  private store(seat: Seat): string {
    const token = this.newToken();
    const d = digest(token);
    this.byDigest.set(d, { seat, timer: undefined, held: false });
    this.digestBySeat.set(seatKey(seat), d);
    return token;
  }

  private dropSeat(seat: Seat): void {
    const d = this.digestBySeat.get(seatKey(seat));
    const e = d === undefined ? undefined : this.byDigest.get(d);
    if (d !== undefined && e) this.forget(d, e);
  }

  private forget(d: string, e: Entry): void {
    if (e.held) this.timers.clear(e.timer);
    e.held = false;
    this.byDigest.delete(d);
    const k = seatKey(e.seat);
    if (this.digestBySeat.get(k) === d) this.digestBySeat.delete(k);
  }
}
