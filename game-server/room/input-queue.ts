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
 * - backlog: at most MAX_BACKLOG inputs wait; an input arriving when that many already wait skips the
 *   oldest at once (the next take would skip it anyway);
 * - standing queue: inputs arriving at the tick rate with jitter can leave one input waiting after
 *   every take forever (arrivals = services), which delays every input by a full tick. When an input
 *   has been left over after each of STANDING_QUEUE_TICKS consecutive takes, the next take skips one,
 *   so the standing depth returns to 0.
 * Evenly arriving inputs (one per tick, none left over) are never skipped, so client prediction
 * stays exact when nothing is lost or bunched.
 */

import { Key } from '../../protocol/index.js';
import type { SimInput } from '../sim/index.js';

/**
 * At most this many inputs wait (the next one plus one in reserve); older ones are skipped. Not a
 * setting: InputQueue holds exactly two waiting inputs in its own fields (`a`, `b`), so the type pins
 * the value and changing it means rewriting the queue.
 */
export const MAX_BACKLOG: 2 = 2;
/** Consecutive takes that may leave an input waiting before the next take skips one (about 67 ms at 30 Hz). */
export const STANDING_QUEUE_TICKS = 2;
/** Most input-less ticks remembered as steps already taken for inputs still to come. */
export const MAX_BORROWED = 2;
/** A seq more than this far beyond the last applied (or, before any, beyond 0) is implausible. */
export const MAX_SEQ_AHEAD = 64;

/** Counters a queue adds to (a room passes its stats so every player's queue reports in one place). */
export interface InputCounters {
  /** Inputs refused (duplicate, old or future seq). */
  inputsDropped: number;
  /** Inputs skipped to catch up after a burst or to drain a standing queue. */
  inputsLate: number;
}

/**
 * Bounded FIFO of one player's inputs that refuses duplicates, stale and future seqs and sheds backlog.
 * The (at most MAX_BACKLOG = 2) waiting inputs are fields of the queue itself, `a` the older and `b`
 * the newer, and `take` hands out one reused record: an Input arrives 30 times a second from every
 * client, and one that lands in the object the connection already points to costs no fetch of an
 * array from memory (see README "Performance").
 */
export class InputQueue {
  // Fields in the order an Input touches them (push, then queueInput's baseTick): V8 lays them out in
  // declaration order.
  /** Seq of the newest input queued, or of the last applied when none waits. */
  private newest = 0;
  /** Seq of the last input taken (push refuses a seq too far beyond it). */
  private lastApplied = 0;
  /** Inputs waiting: 0, 1 (in `a`) or 2 (`a`, then `b`). */
  private count = 0;
  private aSeq = 0;
  private aKeys = 0;
  private aAim = 0;
  private aViewTime = 0;
  private bSeq = 0;
  private bKeys = 0;
  private bAim = 0;
  private bViewTime = 0;
  /**
   * The baseTick of the newest Input received: the newest State its client says it holds, which the
   * State path checks when it builds the client's next frame. Kept with the inputs because every Input
   * carries one, so taking an Input touches this queue and nothing else.
   */
  baseTick = 0;
  /** Inputs skipped on arrival (backlog) since the last take, and their merged fire press. */
  private skipped = 0;
  private skippedFire = 0;
  /** Consecutive takes after which at least one input was still waiting. */
  private standing = 0;
  /** Recent takes that found no input (the player moved on held keys): steps owed to late inputs. */
  private borrowed = 0;
  /** The record `take` returns, overwritten by the next take. */
  private readonly next = { seq: 0, keys: 0, aim: 0, viewTime: 0 };
  private readonly counters: InputCounters;
  private readonly standingTicks: number;

  constructor(counters: InputCounters, standingTicks: number = STANDING_QUEUE_TICKS) {
    this.counters = counters;
    this.standingTicks = standingTicks;
  }

  /** Queues `input` unless its seq is a duplicate, stale or implausibly far ahead; false if refused. */
  push(input: SimInput): boolean {
    const seq = input.seq;
    if (seq <= this.newest || seq > this.lastApplied + MAX_SEQ_AHEAD) {
      this.counters.inputsDropped += 1;
      return false;
    }
    this.newest = seq;
    const keys = input.keys;
    const aim = input.aim;
    const viewTime = input.viewTime ?? 0;
    if (this.count === 0) {
      this.count = 1;
      this.setA(seq, keys, aim, viewTime);
      return true;
    }
    if (this.count === 2) {
      // Backlog: the oldest is skipped now (its fire press kept for the next input taken).
      this.skipped += 1;
      this.skippedFire |= this.aKeys & Key.Fire;
      this.setA(this.bSeq, this.bKeys, this.bAim, this.bViewTime);
    }
    this.count = 2;
    this.bSeq = seq;
    this.bKeys = keys;
    this.bAim = aim;
    this.bViewTime = viewTime;
    return true;
  }

  /**
   * The next input to apply this tick, if any; it becomes the last applied. Sheds backlog first.
   * The record is reused by the next take: read it before then.
   */
  take(): Readonly<SimInput> | undefined {
    const late = this.skipped;
    let fire = this.skippedFire;
    this.skipped = 0;
    this.skippedFire = 0;
    if (this.count === 0) {
      this.standing = 0;
      this.borrowed = Math.min(MAX_BORROWED, this.borrowed + 1);
      return undefined;
    }
    // A standing queue of one is drained by keeping one fewer in reserve this tick; a step borrowed
    // by an input-less tick is repaid by skipping (inputs skipped on arrival repaid theirs already).
    const keep = this.standing >= this.standingTicks ? 1 : MAX_BACKLOG;
    const skip = Math.max(0, this.count - keep, Math.min(this.borrowed - late, this.count - 1));
    if (skip > 0) {
      fire |= this.aKeys & Key.Fire;
      this.setA(this.bSeq, this.bKeys, this.bAim, this.bViewTime);
    }
    if (late + skip > 0) {
      this.counters.inputsLate += late + skip;
      this.borrowed = Math.max(0, this.borrowed - late - skip);
    }
    const next = this.next;
    next.seq = this.aSeq;
    next.keys = this.aKeys | fire;
    next.aim = this.aAim;
    next.viewTime = this.aViewTime;
    this.count -= skip + 1;
    if (this.count > 0) this.setA(this.bSeq, this.bKeys, this.bAim, this.bViewTime);
    this.standing = this.count > 0 ? this.standing + 1 : 0;
    this.lastApplied = next.seq;
    return next;
  }

  /** Seq of the last input taken: the ack of the player's next State (the simulation applied it). */
  get lastSeq(): number {
    return this.lastApplied;
  }

  /** Inputs waiting. */
  get length(): number {
    return this.count;
  }

  /** Consecutive takes so far that left an input waiting (0 when the last take emptied the queue). */
  get standingTakes(): number {
    return this.standing;
  }

  private setA(seq: number, keys: number, aim: number, viewTime: number): void {
    this.aSeq = seq;
    this.aKeys = keys;
    this.aAim = aim;
    this.aViewTime = viewTime;
  }
}
