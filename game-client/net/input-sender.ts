/** Sends the held input once per server tick at a fixed rate, with seq numbers, whatever the frame rate. */
import { angleToWire } from '../../protocol/index.js';

/** What the player is doing right now: held key bits (protocol `Key`) and aim in radians. */
export interface HeldInput {
  readonly keys: number;
  readonly aimRad: number;
}

/** One input as sent: seq, key bits and aim in wire units. */
export interface SentInput {
  readonly seq: number;
  readonly keys: number;
  readonly aim: number;
}

/** Options of an InputSender. */
export interface InputSenderOptions {
  /** Server tick rate (from Welcome). */
  readonly tickHz: number;
  /** Reads the currently held input. */
  readonly read: () => HeldInput;
  /** Delivers one input (to the socket and to prediction). */
  readonly send: (input: SentInput) => void;
  /** After a stall (hidden tab) at most this many late inputs are sent at once; the rest are skipped. @default 3 */
  readonly maxCatchUpTicks?: number;
}

/**
 * A drift-free fixed-rate sender: deadlines advance by exactly one tick period from the start time,
 * so timer jitter never accumulates. Call `update(now)` often (every frame and from a timer).
 */
export class InputSender {
  private readonly tickMs: number;
  private readonly maxCatchUp: number;
  private nextAt = Number.NaN;
  private lastSeq = 0;

  constructor(private readonly options: InputSenderOptions) {
    this.tickMs = 1000 / options.tickHz;
    this.maxCatchUp = Math.max(1, options.maxCatchUpTicks ?? 3);
  }

  /** The seq of the last input sent (0 before any). */
  get seq(): number {
    return this.lastSeq;
  }

  /** Tick period in ms. */
  get periodMs(): number {
    return this.tickMs;
  }

  /** Sends every input that is due at client time `now`; returns how many were sent. */
  update(now: number): number {
    if (Number.isNaN(this.nextAt)) this.nextAt = now;
    const behind = Math.floor((now - this.nextAt) / this.tickMs) + 1;
    if (behind > this.maxCatchUp) this.nextAt += (behind - this.maxCatchUp) * this.tickMs;
    let sent = 0;
    while (now >= this.nextAt) {
      const held = this.options.read();
      this.lastSeq += 1;
      this.options.send({ seq: this.lastSeq, keys: held.keys, aim: angleToWire(held.aimRad) });
      this.nextAt += this.tickMs;
      sent += 1;
    }
    return sent;
  }

  /** Milliseconds from `now` until the next input is due (0 if one is due now). */
  msUntilNext(now: number): number {
    if (Number.isNaN(this.nextAt)) return 0;
    return Math.max(0, this.nextAt - now);
  }
}
