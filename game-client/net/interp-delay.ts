/** The adaptive interpolation delay: snapshot interval + k x measured jitter, fast to grow, slow to shrink. */

/** Options of an AdaptiveDelay. */
export interface AdaptiveDelayOptions {
  /** Time between two State frames, in ms (1000 / snapshotHz). */
  readonly snapshotIntervalMs: number;
  /** Multiple of the measured jitter kept as margin. @default 3 */
  readonly k?: number;
  /** Lower bound in ms. @default snapshotIntervalMs + 10 */
  readonly minMs?: number;
  /** Upper bound in ms. @default 400 */
  readonly maxMs?: number;
  /** Fastest growth, ms of delay per ms of time (remote motion slows to 1 - rate meanwhile). @default 0.5 */
  readonly growRate?: number;
  /** Fastest shrink, ms of delay per ms of time (remote motion speeds up by this fraction). @default 0.02 */
  readonly shrinkRate?: number;
  /** How many snapshot arrivals the lateness floor is taken over. @default 90 */
  readonly window?: number;
  /** The underrun boost halves in this many ms. @default 2000 */
  readonly boostHalfLifeMs?: number;
}

/**
 * Tracks how late snapshots arrive (`lateness = arrival on the render clock - serverTime`).
 * Jitter is the RFC 3550 running mean of |lateness change|; the target delay is
 * `interval + min lateness over the window + k * jitter + boost`, within bounds, where every underrun
 * adds half an interval of boost that halves every `boostHalfLifeMs`. The delay in use slews toward
 * the target (fast up, slow down), so the render time never jumps.
 *
 * Arrivals are kept on the client clock and converted with the offset the renderer uses *now*
 * (`update`'s `offsetMs`): the clock estimate moves by a whole one-way delay when the first Pong
 * replaces the Welcome seed, and lateness measured with the old offset would pin the window's floor
 * too low for seconds, which caused the underruns seen while the delay settled.
 */
export class AdaptiveDelay {
  private readonly interval: number;
  private readonly k: number;
  private readonly min: number;
  private readonly max: number;
  private readonly growRate: number;
  private readonly shrinkRate: number;
  private readonly windowSize: number;
  private readonly boostHalfLife: number;
  private readonly lateness: number[] = [];
  private offset = 0;
  private lastLateness = Number.NaN;
  private jitter = 0;
  private boost = 0;
  private current: number;

  constructor(o: AdaptiveDelayOptions) {
    this.interval = o.snapshotIntervalMs;
    this.k = o.k ?? 3;
    this.min = o.minMs ?? o.snapshotIntervalMs + 10;
    this.max = Math.max(this.min, o.maxMs ?? 400);
    this.growRate = o.growRate ?? 0.5;
    this.shrinkRate = o.shrinkRate ?? 0.02;
    this.windowSize = o.window ?? 90;
    this.boostHalfLife = Math.max(1, o.boostHalfLifeMs ?? 2000);
    this.current = Math.min(this.max, Math.max(this.min, 2 * this.interval + 10));
  }

  /**
   * Records a snapshot stamped `serverTime` that arrived at `arrivalTime`, on the client clock (then
   * give `update` the clock offset) or on the estimated server clock (offset 0).
   */
  onSnapshot(serverTime: number, arrivalTime: number): void {
    const late = arrivalTime - serverTime;
    if (!Number.isNaN(this.lastLateness))
      this.jitter += (Math.abs(late - this.lastLateness) - this.jitter) / 16;
    this.lastLateness = late;
    this.lateness.push(late);
    if (this.lateness.length > this.windowSize) this.lateness.shift();
  }

  /** Records that the render time ran past the newest snapshot. */
  onUnderrun(): void {
    this.boost = Math.min(this.max, this.boost + this.interval / 2);
  }

  /**
   * Advances by `dtMs` of frame time and returns the delay to use now; `offsetMs` is the
   * server-minus-client offset the render clock uses now (0 if arrivals are on the server clock).
   */
  update(dtMs: number, offsetMs = 0): number {
    const dt = Math.max(0, Math.min(dtMs, 250));
    this.offset = offsetMs;
    this.boost *= 0.5 ** (dt / this.boostHalfLife);
    if (this.boost < 0.5) this.boost = 0;
    const target = this.targetMs;
    if (target > this.current) this.current = Math.min(target, this.current + dt * this.growRate);
    else this.current = Math.max(target, this.current - dt * this.shrinkRate);
    return this.current;
  }

  /** The delay in use, in ms. */
  get delayMs(): number {
    return this.current;
  }

  /** Where the delay is heading, in ms. */
  get targetMs(): number {
    const floor = this.lateness.length > 0 ? Math.min(...this.lateness) + this.offset : 0;
    const want = this.interval + Math.max(0, floor) + this.k * this.jitter + this.boost;
    return Math.min(this.max, Math.max(this.min, want));
  }

  /** Measured snapshot jitter (RFC 3550 style), in ms. */
  get jitterMs(): number {
    return this.jitter;
  }
}
