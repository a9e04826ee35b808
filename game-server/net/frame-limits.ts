/** Per-connection token buckets on inbound frames: a client far beyond what the protocol needs is closed. */
import { ClientMsg } from '../../protocol/index.js';

/** Inputs: a burst of INPUT_BURST_TICKS ticks' worth, refilled at INPUT_RATE_FACTOR x the tick rate. */
export const INPUT_BURST_TICKS = 3;
export const INPUT_RATE_FACTOR = 2;
/** Chat frames: the room answers past 1/s with a Notice; past this it is a flood and the socket closes. */
export const CHAT_FLOOD_BURST = 20;
export const CHAT_FLOOD_PER_S = 4;
/** Pings (clients send about 1/s). */
export const PING_BURST = 10;
export const PING_PER_S = 4;

/** Tokens are counted in thousandths, times in whole ms since EPOCH_MS: every field stays a small integer. */
const MILLI = 1000;
const EPOCH_MS = performance.now();

/**
 * A connection's Input bucket, as small integers in the fields of the object an Input already reads
 * (the socket's user data): V8 keeps integer fields inside the object where fractional ones would each
 * be a separate box, so the check fetches nothing more from memory.
 */
export interface InputBucket {
  inputTokens: number;
  inputMs: number;
}

/** A connection's Chat and Ping buckets (in its session; each bucket has its own clock). */
export interface MessageBuckets {
  chatTokens: number;
  chatMs: number;
  pingTokens: number;
  pingMs: number;
}

/** The rates of every connection's buckets on one server (from its tick rate) and their clock. */
export class FrameLimits {
  private readonly inputBurst: number;
  /** Input thousandths of a token refilled per ms (= tokens per s). */
  private readonly inputPerMs: number;

  constructor(
    tickHz: number,
    private readonly now: () => number,
  ) {
    this.inputBurst = INPUT_BURST_TICKS * tickHz * MILLI;
    this.inputPerMs = Math.round(INPUT_RATE_FACTOR * tickHz);
  }

  /** A full Input bucket for a new connection. */
  freshInput(): InputBucket {
    return { inputTokens: this.inputBurst, inputMs: this.clock() };
  }

  /** Full Chat and Ping buckets for a new connection. */
  freshMessages(): MessageBuckets {
    const t = this.clock();
    return { chatTokens: CHAT_FLOOD_BURST * MILLI, chatMs: t, pingTokens: PING_BURST * MILLI, pingMs: t };
  }

  /** Takes one Input token of `b`; false: the client floods and must be closed. */
  takeInput(b: InputBucket): boolean {
    const t = this.clock();
    b.inputTokens = Math.min(this.inputBurst, b.inputTokens + (t - b.inputMs) * this.inputPerMs);
    b.inputMs = t;
    if (b.inputTokens < MILLI) return false;
    b.inputTokens -= MILLI;
    return true;
  }

  /** Takes one token of `b` for a Chat or Ping frame; false: the client floods and must be closed. */
  takeMessage(b: MessageBuckets, kind: typeof ClientMsg.Chat | typeof ClientMsg.Ping): boolean {
    const t = this.clock();
    if (kind === ClientMsg.Chat) {
      b.chatTokens = Math.min(CHAT_FLOOD_BURST * MILLI, b.chatTokens + (t - b.chatMs) * CHAT_FLOOD_PER_S);
      b.chatMs = t;
      if (b.chatTokens < MILLI) return false;
      b.chatTokens -= MILLI;
    } else {
      b.pingTokens = Math.min(PING_BURST * MILLI, b.pingTokens + (t - b.pingMs) * PING_PER_S);
      b.pingMs = t;
      if (b.pingTokens < MILLI) return false;
      b.pingTokens -= MILLI;
    }
    return true;
  }

  private clock(): number {
    return Math.floor(this.now() - EPOCH_MS);
  }
}
