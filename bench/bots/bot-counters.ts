/** Load-generator counters of one bot process, and the per-client input->ack tracker. */
import { Histogram } from '../shared/histogram.js';

/** Process-wide counters, reset at the start of the window. */
export class BotCounters {
  sent = 0;
  missed = 0;
  acked = 0;
  bytesUp = 0;
  bytesDown = 0;
  readonly latency = new Histogram();

  /** Clears everything for a new window. */
  reset(): void {
    this.sent = 0;
    this.missed = 0;
    this.acked = 0;
    this.bytesUp = 0;
    this.bytesDown = 0;
    this.latency.reset();
  }
}

const RING = 128;

/** Remembers when each seq was sent; an ack >= seq resolves it (first such state wins). */
export class AckTracker {
  private readonly seqs = new Float64Array(RING);
  private readonly times = new Float64Array(RING);
  private head = 0;
  private tail = 0;

  constructor(private readonly counters: BotCounters) {}

  /** Records that `seq` left at `now` (the oldest pending seq is forgotten if the ring is full). */
  sent(seq: number, now: number): void {
    if (this.tail - this.head === RING) this.head++;
    this.seqs[this.tail % RING] = seq;
    this.times[this.tail % RING] = now;
    this.tail++;
  }

  /** Handles an ack from a state message: every pending seq <= ack gets its latency. */
  ack(ack: number): void {
    if (this.head === this.tail || (this.seqs[this.head % RING] ?? 0) > ack) return;
    const now = performance.now();
    while (this.head < this.tail && (this.seqs[this.head % RING] ?? 0) <= ack) {
      this.counters.latency.add(now - (this.times[this.head % RING] ?? now));
      this.counters.acked++;
      this.head++;
    }
  }
}
