/**
 * A player's pending inputs: bounded, in seq order, applied at most one per tick.
 *
 * Policy (see README "Netcode"): an input is refused (counted `dropped`) when its seq is not newer
 * than everything applied or queued (duplicate, stale) or more than MAX_SEQ_AHEAD beyond the last one
 * applied (from the future). When a burst leaves more than MAX_BACKLOG inputs waiting at a tick, the
 * oldest are skipped (counted `late`) and their fire presses are merged into the next one, so queueing
 * never delays an input by more than about one tick. Evenly arriving inputs are never skipped, so
 * client prediction stays exact when nothing is lost or bunched.
 */

import { Key } from '../../protocol/index.js';
import type { SimInput } from '../sim/index.js';

/** Default most inputs waiting per player; older ones are dropped beyond it. */
export const INPUT_QUEUE_CAP = 8;
/** At a tick, at most this many inputs may wait (the one taken plus one in reserve); older ones are skipped. */
export const MAX_BACKLOG = 2;
/** A seq more than this far beyond the last applied (or, before any, beyond 0) is implausible. */
export const MAX_SEQ_AHEAD = 64;

/** Counters a queue adds to (a room passes its stats so every player's queue reports in one place). */
export interface InputCounters {
  inputsDropped: number;
  inputsLate: number;
}

/** Bounded FIFO of one player's inputs that refuses duplicates, stale and future seqs and sheds backlog. */
export class InputQueue {
  private readonly items: SimInput[] = [];
  private lastApplied = 0;
  /** Inputs refused (duplicate, old or future seq) or evicted (queue full). */
  dropped = 0;
  /** Inputs skipped to catch up after a burst. */
  late = 0;

  constructor(
    private readonly cap: number = INPUT_QUEUE_CAP,
    private readonly counters?: InputCounters,
    private readonly maxBacklog: number = MAX_BACKLOG,
  ) {}

  /** Queues `input` unless its seq is a duplicate, stale or implausibly far ahead; false if refused. */
  push(input: SimInput): boolean {
    const newest = this.items.at(-1)?.seq ?? this.lastApplied;
    if (input.seq <= newest || input.seq > this.lastApplied + this.cap + MAX_SEQ_AHEAD) {
      this.drop(1);
      return false;
    }
    this.items.push(input);
    if (this.items.length > this.cap) {
      this.items.shift();
      this.drop(1);
    }
    return true;
  }

  /** The next input to apply this tick, if any; it becomes the last applied. Sheds backlog first. */
  take(): SimInput | undefined {
    let fire = 0;
    let skipped = 0;
    while (this.items.length > this.maxBacklog) {
      fire |= this.items.shift()!.keys & Key.Fire;
      skipped += 1;
    }
    if (skipped > 0) {
      this.late += skipped;
      if (this.counters) this.counters.inputsLate += skipped;
    }
    const next = this.items.shift();
    if (!next) return undefined;
    this.lastApplied = next.seq;
    return fire && !(next.keys & Key.Fire) ? { ...next, keys: next.keys | fire } : next;
  }

  /** Inputs waiting. */
  get length(): number {
    return this.items.length;
  }

  private drop(n: number): void {
    this.dropped += n;
    if (this.counters) this.counters.inputsDropped += n;
  }
}
