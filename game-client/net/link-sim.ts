/** One direction of a simulated link: delay, jitter, a bandwidth cap and delay bursts, in order like TCP. */

/** Schedules `fn` after `ms`. */
export type Schedule = (fn: () => void, ms: number) => void;

/** Options of a LinkSim. */
export interface LinkSimOptions {
  /** One-way added delay in ms. */
  readonly delayMs: number;
  /** Extra 0..jitterMs per frame. */
  readonly jitterMs: number;
  /** Bandwidth cap in kbit/s (0: none). */
  readonly kbps: number;
  /** Mean ms between stalls (0: none). */
  readonly burstEveryMs: number;
  /** Stall length in ms. */
  readonly burstMs: number;
  /** Monotonic clock in ms. */
  readonly now: () => number;
  readonly schedule: Schedule;
  /** Uniform random in [0, 1). @default Math.random */
  readonly random?: () => number;
}

/**
 * Delivers frames after `delay + U(0, jitter)`, never before an earlier frame (no reordering), each
 * holding the link for `bytes / rate` when capped. Stalls start at random (exponential gaps) and
 * hold every frame until they end, then release them together, which is how a lost TCP segment looks.
 */
export class LinkSim {
  private readonly random: () => number;
  private lastDeliverAt = Number.NEGATIVE_INFINITY;
  private linkFreeAt = Number.NEGATIVE_INFINITY;
  private stallFrom = Number.POSITIVE_INFINITY;
  private stallUntil = Number.NEGATIVE_INFINITY;
  private readonly queue: { at: number; deliver: () => void }[] = [];
  private retryPending = false;
  /** Frames carried so far. */
  frames = 0;
  /** Frames that were held by a stall. */
  stalled = 0;

  constructor(private readonly o: LinkSimOptions) {
    this.random = o.random ?? Math.random;
    if (o.burstEveryMs > 0) this.planStall(o.now());
    else this.stallFrom = this.stallUntil = Number.POSITIVE_INFINITY;
  }

  /** Carries a frame of `bytes` bytes; `deliver` runs when it arrives. Returns the delivery time. */
  send(bytes: number, deliver: () => void): number {
    const now = this.o.now();
    let at = now;
    if (this.o.kbps > 0) {
      const start = Math.max(now, this.linkFreeAt);
      this.linkFreeAt = start + (bytes * 8) / this.o.kbps;
      at = this.linkFreeAt;
    }
    at += this.o.delayMs + this.random() * this.o.jitterMs;
    if (this.o.burstEveryMs > 0) {
      while (at >= this.stallUntil) this.planStall(this.stallUntil);
      if (at >= this.stallFrom) {
        at = this.stallUntil;
        this.stalled += 1;
      }
    }
    at = Math.max(at, this.lastDeliverAt);
    this.lastDeliverAt = at;
    this.frames += 1;
    this.queue.push({ at, deliver });
    this.o.schedule(() => this.drain(), Math.max(0, at - now));
    return at;
  }

  // Timers may fire slightly out of order (ms rounding), so every timer drains the FIFO up to now.
  private drain(): void {
    const now = this.o.now();
    while (this.queue.length > 0 && this.queue[0]!.at <= now + 1) this.queue.shift()!.deliver();
    const head = this.queue[0];
    if (head && !this.retryPending) {
      this.retryPending = true;
      this.o.schedule(
        () => {
          this.retryPending = false;
          this.drain();
        },
        Math.max(1, head.at - now),
      );
    }
  }

  /** The time by which everything sent so far has arrived. */
  get drainedAt(): number {
    return this.lastDeliverAt;
  }

  private planStall(from: number): void {
    const gap = -Math.log(1 - this.random()) * this.o.burstEveryMs;
    this.stallFrom = from + gap;
    this.stallUntil = this.stallFrom + this.o.burstMs;
  }
}
