/**
 * Reconnection at the socket layer: a resume token is issued with every Welcome, checked (peeked) at
 * upgrade and redeemed in `open`, so an aborted upgrade never burns it. A socket that drops without a
 * deliberate leave keeps its seat for the grace period (seats.ts); after it the player is removed.
 * Tokens are bearer secrets: they are never logged (log room and player ids only).
 */
import {
  CloseCode,
  type JoinRefusal,
  type JoinRequest,
  SEAT_ENDING_CLOSE_CODES,
} from '../../protocol/index.js';
import type { Logger } from '../logger.js';
import { ResumeTokens, type Seat } from '../room/resume-tokens.js';
import type { Room } from '../room/room.js';
import type { RoomClient } from '../room/room-client.js';
import type { Timers } from '../room/timers.js';
import { HeldSeats } from './held-seats.js';
import type { Session } from './session.js';

/**
 * The seam a cluster directory plugs into so any node can tell where a token's seat lives (tokens
 * themselves stay in this process's memory). Only digests should leave the process.
 */
export interface ResumeLocator {
  /** `token`'s seat is held on this node for `graceMs` (its client dropped). */
  held(token: string, graceMs: number): void;
  /** `token` stopped working (redeemed, released or expired). */
  forgotten(token: string): void;
}

/** How the resume service is built. */
export interface ResumeServiceOptions {
  /** Seconds a dropped seat is kept (config.resumeGraceS); 0 turns resuming off. */
  readonly graceS: number;
  /**
   * Most seats held at once for one client address (config.maxHeldSeatsPerIp); a drop past it frees
   * the seat at once. 0: no limit. @default 0
   */
  readonly maxHeldPerIp?: number;
  /** The live room with `code`, if any. */
  readonly room: (code: string) => Room | undefined;
  /** @default realTimers */
  readonly timers?: Timers;
  /** Cluster mode: where held tokens are announced. */
  readonly locator?: ResumeLocator;
}

/** A seat found for a resume token at upgrade time. */
export interface ResumeTarget {
  readonly room: Room;
  readonly playerId: number;
  readonly name: string;
}

/** Why a resume is refused; one sentence for all causes, so a guesser learns nothing. */
export const RESUME_FAILED_REASON = 'your seat expired or its server restarted: join again';

/**
 * Close codes after which the seat is freed at once: a deliberate leave (1000 from the client) and the
 * server's own refusals and removals (the close handler passes uWS's protocol-error 1006 as 4001).
 * Everything else (1001 from a closing tab, 1006, 4008 slow consumer; 4009 never reaches here with a
 * live token) holds the seat for the grace period.
 */
const FREEING_CODES = SEAT_ENDING_CLOSE_CODES;

/** True if a socket closed with `code` keeps its seat for a resume. */
export function closeHoldsSeat(code: number): boolean {
  return !FREEING_CODES.has(code);
}

/** Resume tokens and held seats of one process. */
export class ResumeService {
  readonly tokens: ResumeTokens;
  private readonly graceMs: number;
  private readonly held: HeldSeats;

  constructor(private readonly opts: ResumeServiceOptions) {
    this.graceMs = Math.max(0, opts.graceS * 1000);
    this.held = new HeldSeats(opts.maxHeldPerIp ?? 0);
    this.tokens = new ResumeTokens({
      onExpire: (seat) => {
        this.held.release(seat);
        this.opts.room(seat.roomCode)?.leave(seat.playerId);
      },
      ...(opts.timers ? { timers: opts.timers } : {}),
    });
  }

  /** False when the grace is 0: no tokens are issued and every drop frees the seat. */
  get enabled(): boolean {
    return this.graceMs > 0;
  }

  /** The issuer Room.join calls with the new player id; stores the token on the session. */
  tokenFor(s: Session): ((playerId: number) => string) | undefined {
    if (!this.enabled) return undefined;
    return (playerId) => {
      s.resumeToken = this.tokens.issue({ roomCode: s.room.code, playerId });
      return s.resumeToken;
    };
  }

  /** Upgrade time: the seat `token` stands for, without consuming it; null if it cannot be resumed. */
  find(token: string): ResumeTarget | null {
    if (!this.enabled) return null;
    const seat = this.tokens.peek(token);
    return seat ? this.target(seat) : null;
  }

  /**
   * `open` of a resuming socket: redeems `s.resume` and attaches `client` to the seat (a fresh Welcome
   * with the rotated token). Null on success, else the close reason to end the socket with.
   */
  open(s: Session, client: RoomClient): string | null {
    const token = s.resume;
    s.resume = '';
    const r = this.enabled ? this.tokens.redeem(token) : null;
    if (!r) return `resume_failed: ${RESUME_FAILED_REASON}`;
    this.held.release(r.seat);
    this.opts.locator?.forgotten(token);
    const target = this.target(r.seat);
    if (!target || target.room !== s.room || !s.room.attach(r.seat.playerId, client, r.token)) {
      this.tokens.release(r.token);
      return `resume_failed: ${RESUME_FAILED_REASON}`;
    }
    s.playerId = r.seat.playerId;
    s.resumeToken = r.token;
    return null;
  }

  /** Seats held now for client address `ip`. */
  heldBy(ip: string): number {
    return this.held.count(ip);
  }

  /**
   * A joined socket closed with `code`: hold its seat, free it, or (replaced) leave it alone. The code
   * alone decides (closeHoldsSeat); a drop that would put its address over maxHeldPerIp frees the seat.
   */
  closed(s: Session, code: number): void {
    const token = s.resumeToken;
    if (!token) {
      s.room.leave(s.playerId);
      return;
    }
    // Unknown token: a newer socket resumed this seat (this one was replaced) or it already expired.
    if (this.tokens.peek(token) === null) return;
    const seat = { roomCode: s.room.code, playerId: s.playerId };
    if (s.room.disposed || !closeHoldsSeat(code) || !this.held.tryHold(s.ip, seat)) {
      this.tokens.release(token);
      s.room.leave(s.playerId);
      return;
    }
    this.tokens.hold(token, this.graceMs);
    this.opts.locator?.held(token, this.graceMs);
    s.room.detach(s.playerId);
  }

  /** Drops the tokens of a room that is gone. */
  releaseRoom(code: string): void {
    this.tokens.releaseRoom(code);
    this.held.releaseRoom(code);
  }

  /** Drops every token and grace timer (shutdown, drain). */
  clear(): void {
    this.tokens.clear();
    this.held.clear();
  }

  private target(seat: Seat): ResumeTarget | null {
    const room = this.opts.room(seat.roomCode);
    const player = room?.world.players.get(seat.playerId);
    if (!room || room.disposed || !player) return null;
    return { room, playerId: seat.playerId, name: player.name };
  }
}

/** A resume request resolved at upgrade (or GET /api/join): the seat's room as a join by code, or a refusal. */
export function resolveResume(
  version: number,
  token: string,
  service: ResumeService | undefined,
): { ok: true; request: JoinRequest; room: Room; resume: string } | { ok: false; refusal: JoinRefusal } {
  const t = service?.find(token);
  if (!t) return { ok: false, refusal: { error: 'resume_failed', reason: RESUME_FAILED_REASON } };
  const request: JoinRequest = {
    version,
    name: t.name,
    room: { kind: 'code', code: t.room.code },
    spectate: false,
    seat: null,
  };
  return { ok: true, request, room: t.room, resume: token };
}

/** `open` of a socket whose upgrade carried a resume token: attach it, or end it with resume_failed. */
export function openResumed(
  s: Session,
  client: RoomClient,
  service: ResumeService | undefined,
  log: Logger,
): void {
  const failed = service ? service.open(s, client) : `resume_failed: ${RESUME_FAILED_REASON}`;
  if (failed) client.end(CloseCode.RoomNotFound, failed);
  else log.debug({ room: s.room.code, player: s.playerId }, 'resumed');
}

/** The close handler's part for a joined socket: hold, free or leave its seat. */
export function closeSeat(s: Session, code: number, service: ResumeService | undefined): void {
  if (service) service.closed(s, code);
  else s.room.leave(s.playerId);
}
