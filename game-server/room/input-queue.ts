/** A player's pending inputs: bounded, in seq order, applied at most one per tick. */
import type { SimInput } from '../sim/index.js';

/** Default most inputs waiting per player; older ones are dropped beyond it. */
export const INPUT_QUEUE_CAP = 8;

/** Bounded FIFO of one player's inputs that refuses duplicates and stale seqs. */
export class InputQueue {
  private readonly items: SimInput[] = [];
  private lastApplied = 0;
  /** Inputs refused (duplicate or old seq) or evicted (queue full). */
  dropped = 0;

  constructor(private readonly cap: number = INPUT_QUEUE_CAP) {}

  /** Queues `input` unless its seq is not newer than everything applied or queued; false if refused. */
  push(input: SimInput): boolean {
    const newest = this.items.at(-1)?.seq ?? this.lastApplied;
    if (input.seq <= newest) {
      this.dropped += 1;
      return false;
    }
    this.items.push(input);
    if (this.items.length > this.cap) {
      this.items.shift();
      this.dropped += 1;
    }
    return true;
  }

  /** The next input to apply this tick, if any; it becomes the last applied. */
  take(): SimInput | undefined {
    const next = this.items.shift();
    if (next) this.lastApplied = next.seq;
    return next;
  }

  /** Inputs waiting. */
  get length(): number {
    return this.items.length;
  }
}
