/**
 * A player's pending inputs: bounded, in seq order, applied at most one per tick.
 *
 * Policy (see README "Netcode"): an input is refused (counted in `inputsDropped`) when its seq is not newer
 * than everything applied or queued (duplicate, stale) or more than MAX_SEQ_AHEAD beyond the last one
 * applied (from the future). Three rules keep queueing from adding latency, all skipping the oldest
 * waiting input (counted in `inputsLate`) and merging its fire press into the next one:
 * - borrowed steps: a tick with no input still moves the player on its held keys, taking the step of
 *   the input that was late. When that input then arrives bunched with the next one, it is skipped
 *   (its step was already taken) instead of delaying every following input by a tick. At most
 *   MAX_BORROWED such ticks are remembered;
 * - backlog: when a burst leaves more than MAX_BACKLOG inputs waiting at a tick, the oldest are skipped;
 * - standing queue: inputs arriving at the tick rate with jitter can leave one input waiting after
 *   every take forever (arrivals = services), which delays every input by a full tick. When an input
 *   has been left over after each of STANDING_QUEUE_TICKS consecutive takes, the next take skips one,
 *   so the standing depth returns to 0.
 * Evenly arriving inputs (one per tick, none left over) are never skipped, so client prediction
 * stays exact when nothing is lost or bunched.
 */

import { Key } from '../../protocol/index.js';
import type { SimInput } from '../sim/index.js';

/** Default most inputs waiting per player; older ones are dropped beyond it. */
export const INPUT_QUEUE_CAP = 8;
/** At a tick, at most this many inputs may wait (the one taken plus one in reserve); older ones are skipped. */
export const MAX_BACKLOG = 2;
/** Consecutive takes that may leave an input waiting before the next take skips one (about 67 ms at 30 Hz). */
export const STANDING_QUEUE_TICKS = 2;
/** Most input-less ticks remembered as steps already taken for inputs still to come. */
export const MAX_BORROWED = 2;
/** A seq more than this far beyond the last applied (or, before any, beyond 0) is implausible. */
export const MAX_SEQ_AHEAD = 64;

/** Counters a queue adds to (a room passes its stats so every player's queue reports in one place). */
export interface InputCounters {
  /** Inputs refused (duplicate, old or future seq) or evicted (queue full). */
  inputsDropped: number;
  /** Inputs skipped to catch up after a burst or to drain a standing queue. */
  inputsLate: number;
}

/** Bounded FIFO of one player's inputs that refuses duplicates, stale and future seqs and sheds backlog. */
export class InputQueue {
  private readonly items: SimInput[] = [];
  private lastApplied = 0;
  /** Consecutive takes after which at least one input was still waiting. */
  private standing = 0;
  /** Recent takes that found no input (the player moved on held keys): steps owed to late inputs. */
  private borrowed = 0;
  /**
   * The baseTick of the newest Input received: the newest State its client says it holds, which the
   * State path checks when it builds the client's next frame. Kept with the inputs because every Input
   * carries one, so taking an Input touches this queue and nothing else.
   */
  baseTick = 0;

  constructor(
    private readonly counters: InputCounters,
    private readonly cap: number = INPUT_QUEUE_CAP,
    private readonly maxBacklog: number = MAX_BACKLOG,
    private readonly standingTicks: number = STANDING_QUEUE_TICKS,
  ) {}

  /** Queues `input` unless its seq is a duplicate, stale or implausibly far ahead; false if refused. */
  push(input: SimInput): boolean {
    const items = this.items;
    const newest = items.length > 0 ? (items[items.length - 1] as SimInput).seq : this.lastApplied;
    if (input.seq <= newest || input.seq > this.lastApplied + this.cap + MAX_SEQ_AHEAD) {
      this.drop(1);
      return false;
    }
    items.push(input);
    if (items.length > this.cap) {
      items.shift();
      this.drop(1);
    }
    return true;
  }

  /** The next input to apply this tick, if any; it becomes the last applied. Sheds backlog first. */
  take(): SimInput | undefined {
    const items = this.items;
    if (items.length === 0) {
      this.standing = 0;
      this.borrowed = Math.min(MAX_BORROWED, this.borrowed + 1);
      return undefined;
    }
    // A standing queue of one is drained by keeping one fewer in reserve this tick.
    const keep = this.standing >= this.standingTicks ? 1 : this.maxBacklog;
    const skip = Math.max(items.length - keep, Math.min(this.borrowed, items.length - 1));
    let fire = 0;
    for (let i = 0; i < skip; i++) fire |= (items.shift() as SimInput).keys & Key.Fire;
    if (skip > 0) {
      this.counters.inputsLate += skip;
      this.borrowed = Math.max(0, this.borrowed - skip);
    }
    const next = items.shift() as SimInput;
    this.standing = items.length > 0 ? this.standing + 1 : 0;
    this.lastApplied = next.seq;
    return fire && !(next.keys & Key.Fire) ? { ...next, keys: next.keys | fire } : next;
  }

  /** Inputs waiting. */
  get length(): number {
    return this.items.length;
  }

  /** Consecutive takes so far that left an input waiting (0 when the last take emptied the queue). */
  get standingTakes(): number {
    return this.standing;
  }

  private drop(n: number): void {
    this.counters.inputsDropped += n;
  }
}
