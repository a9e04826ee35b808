/** Client-side prediction of the own player with server reconciliation, using the shared movement rules. */
import { type Arena, movePlayer, type Point } from '../../protocol/index.js';

/** An input as prediction needs it: its seq and held keys. */
export interface PredictedInput {
  readonly seq: number;
  readonly keys: number;
}

/** Options of a Predictor. */
export interface PredictorOptions {
  /** Server tick rate; every input moves the player for 1/tickHz s. */
  readonly tickHz: number;
  readonly arena: Arena;
  /** Corrections up to this distance are smoothed out; larger ones (respawns) snap. @default 48 */
  readonly maxSmoothPx?: number;
  /** Half-life of the visual correction, in ms. @default 50 */
  readonly smoothHalfLifeMs?: number;
  /** At most this many unacknowledged inputs are kept. @default 240 */
  readonly maxPending?: number;
}

/**
 * Moves the own player immediately on each input with `movePlayer`, exactly as the server will.
 * On each State it restarts from the server position at the acked seq and replays the inputs the
 * server has not applied yet, so the prediction equals the server once it catches up. The visual
 * difference a correction causes is decayed over a few frames instead of jumping.
 */
export class Predictor {
  private readonly dtS: number;
  private readonly maxSmoothPx: number;
  private readonly halfLifeMs: number;
  private readonly maxPending: number;
  private pending: PredictedInput[] = [];
  private pos: Point | null = null;
  private movable = false;
  private errX = 0;
  private errY = 0;
  private lastAck = 0;
  /** Reconciliations that moved the prediction (the server disagreed with what was predicted). */
  corrections = 0;
  /** Corrections too large to smooth (respawns, teleports): the drawn player snapped. */
  snaps = 0;

  constructor(private readonly options: PredictorOptions) {
    this.dtS = 1 / options.tickHz;
    this.maxSmoothPx = options.maxSmoothPx ?? 48;
    this.halfLifeMs = options.smoothHalfLifeMs ?? 50;
    this.maxPending = options.maxPending ?? 240;
  }

  /** The predicted position in px (null before the first State), without visual smoothing. */
  get position(): Readonly<Point> | null {
    return this.pos;
  }

  /** Inputs sent but not yet acknowledged by the server. */
  get pendingCount(): number {
    return this.pending.length;
  }

  /** Applies an input the moment it is sent. */
  applyInput(input: PredictedInput): void {
    this.pending.push(input);
    if (this.pending.length > this.maxPending) this.pending.shift();
    if (this.pos && this.movable) this.pos = movePlayer(this.pos, input.keys, this.dtS, this.options.arena);
  }

  /**
   * Reconciles with a State: `server` is the own player's position after input `ack`;
   * `canMove` is false while dead or between rounds (the server does not move the player then).
   */
  reconcile(ack: number, server: Readonly<Point>, canMove: boolean): void {
    // A State older than one already used (reordered delivery) would rewind the prediction: ignore it.
    if (ack < this.lastAck) return;
    this.lastAck = ack;
    const before = this.pos;
    const shown = before ? { x: before.x + this.errX, y: before.y + this.errY } : null;
    this.pending = this.pending.filter((i) => i.seq > ack);
    this.movable = canMove;
    let p: Point = { x: server.x, y: server.y };
    if (canMove) for (const i of this.pending) p = movePlayer(p, i.keys, this.dtS, this.options.arena);
    this.pos = p;
    if (!shown || !before) return;
    const moved = Math.hypot(p.x - before.x, p.y - before.y);
    if (moved > 0) this.corrections += 1;
    this.errX = shown.x - p.x;
    this.errY = shown.y - p.y;
    if (Math.hypot(this.errX, this.errY) > this.maxSmoothPx) {
      this.errX = this.errY = 0;
      this.snaps += 1;
    }
  }

  /**
   * The position to draw after `dtMs` of frame time: the prediction plus the decaying correction.
   * With `heldKeys` and `tickFraction` (time since the last input over the tick period, 0..1) it also
   * moves the fraction of the next tick the held keys will make, so a key press shows on the very next
   * frame and own motion is smooth at any frame rate; the next input makes that move exactly.
   */
  renderPosition(dtMs: number, heldKeys = 0, tickFraction = 0): Point | null {
    if (!this.pos) return null;
    const k = 0.5 ** (Math.max(0, dtMs) / this.halfLifeMs);
    this.errX = Math.abs(this.errX * k) < 0.01 ? 0 : this.errX * k;
    this.errY = Math.abs(this.errY * k) < 0.01 ? 0 : this.errY * k;
    let { x, y } = this.pos;
    const f = Math.min(1, Math.max(0, tickFraction));
    if (this.movable && heldKeys !== 0 && f > 0) {
      const next = movePlayer(this.pos, heldKeys, this.dtS, this.options.arena);
      x += (next.x - x) * f;
      y += (next.y - y) * f;
    }
    return { x: x + this.errX, y: y + this.errY };
  }

  /** Forgets everything (on leaving a room). */
  reset(): void {
    this.pending = [];
    this.lastAck = 0;
    this.pos = null;
    this.errX = this.errY = 0;
  }
}
