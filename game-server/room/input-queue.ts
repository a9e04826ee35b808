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

/** Numbers stored per queued input in the ring: seq, keys, aim, viewTime. */
const SLOT = 4;

/**
 * Bounded FIFO of one player's inputs that refuses duplicates, stale and future seqs and sheds backlog.
 * The inputs are kept as numbers in one ring array and `take` hands out one reused record: an Input
 * arrives 30 times a second from every client, and writing its numbers into memory this queue already
 * owns touches no object but the queue and its ring (see README "Performance").
 */
export class InputQueue {
  // Fields in the order an Input touches them: V8 lays them out in declaration order.
  /** Seq of the newest input queued, or of the last applied when none waits. */
  private newest = 0;
  /** Inputs waiting, from ring slot `head` on. */
  private count = 0;
  private head = 0;
  /**
   * `cap` slots of SLOT numbers. Small integers (what every field is in practice), so what `take` reads
   * back is a small integer again and the player fields it lands in stay integer fields.
   */
  private readonly ring: number[];
  /**
   * The baseTick of the newest Input received: the newest State its client says it holds, which the
   * State path checks when it builds the client's next frame. Kept with the inputs because every Input
   * carries one, so taking an Input touches this queue and nothing else.
   */
  baseTick = 0;
  private lastApplied = 0;
  private readonly cap: number;
  /** Consecutive takes after which at least one input was still waiting. */
  private standing = 0;
  /** Recent takes that found no input (the player moved on held keys): steps owed to late inputs. */
  private borrowed = 0;
  /** The record `take` returns, overwritten by the next take. */
  private readonly next = { seq: 0, keys: 0, aim: 0, viewTime: 0 };

  private readonly counters: InputCounters;
  private readonly maxBacklog: number;
  private readonly standingTicks: number;

  constructor(
    counters: InputCounters,
    cap: number = INPUT_QUEUE_CAP,
    maxBacklog: number = MAX_BACKLOG,
    standingTicks: number = STANDING_QUEUE_TICKS,
  ) {
    this.ring = new Array<number>(cap * SLOT).fill(0);
    this.cap = cap;
    this.counters = counters;
    this.maxBacklog = maxBacklog;
    this.standingTicks = standingTicks;
  }

  /** Queues `input` unless its seq is a duplicate, stale or implausibly far ahead; false if refused. */
  push(input: SimInput): boolean {
    const seq = input.seq;
    if (seq <= this.newest || seq > this.lastApplied + this.cap + MAX_SEQ_AHEAD) {
      this.counters.inputsDropped += 1;
      return false;
    }
    if (this.count === this.cap) {
      // Full: the oldest is dropped to make room.
      this.head = (this.head + 1) % this.cap;
      this.count -= 1;
      this.counters.inputsDropped += 1;
    }
    const at = ((this.head + this.count) % this.cap) * SLOT;
    const ring = this.ring;
    ring[at] = seq;
    ring[at + 1] = input.keys;
    ring[at + 2] = input.aim;
    ring[at + 3] = input.viewTime ?? 0;
    this.count += 1;
    this.newest = seq;
    return true;
  }

  /**
   * The next input to apply this tick, if any; it becomes the last applied. Sheds backlog first.
   * The record is reused by the next take: read it before then.
   */
  take(): SimInput | undefined {
    if (this.count === 0) {
      this.standing = 0;
      this.borrowed = Math.min(MAX_BORROWED, this.borrowed + 1);
      return undefined;
    }
    // A standing queue of one is drained by keeping one fewer in reserve this tick.
    const keep = this.standing >= this.standingTicks ? 1 : this.maxBacklog;
    const skip = Math.max(this.count - keep, Math.min(this.borrowed, this.count - 1));
    const ring = this.ring;
    let fire = 0;
    for (let i = 0; i < skip; i++) {
      fire |= (ring[this.head * SLOT + 1] as number) & Key.Fire;
      this.head = (this.head + 1) % this.cap;
    }
    if (skip > 0) {
      this.counters.inputsLate += skip;
      this.borrowed = Math.max(0, this.borrowed - skip);
    }
    const at = this.head * SLOT;
    const next = this.next;
    next.seq = ring[at] as number;
    next.keys = (ring[at + 1] as number) | fire;
    next.aim = ring[at + 2] as number;
    next.viewTime = ring[at + 3] as number;
    this.head = (this.head + 1) % this.cap;
    this.count -= skip + 1;
    this.standing = this.count > 0 ? this.standing + 1 : 0;
    this.lastApplied = next.seq;
    return next;
  }

  /** Inputs waiting. */
  get length(): number {
    return this.count;
  }

  /** Consecutive takes so far that left an input waiting (0 when the last take emptied the queue). */
  get standingTakes(): number {
    return this.standing;
  }
}
