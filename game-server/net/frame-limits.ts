/** Per-connection token buckets on inbound frames: a client far beyond what the protocol needs is closed. */
import { ClientMsg, type ClientMsgKind } from '../../protocol/index.js';

/** Inputs: a burst of INPUT_BURST_TICKS ticks' worth, refilled at INPUT_RATE_FACTOR x the tick rate. */
export const INPUT_BURST_TICKS = 3;
export const INPUT_RATE_FACTOR = 2;
/** Chat frames: the room answers past 1/s with a Notice; past this it is a flood and the socket closes. */
export const CHAT_FLOOD_BURST = 20;
export const CHAT_FLOOD_PER_S = 4;
/** Pings (clients send about 1/s). */
export const PING_BURST = 10;
export const PING_PER_S = 4;

/** The buckets of one connection. */
export interface FrameLimits {
  /** Takes one token for a frame of `kind`; false: the client floods and must be closed. */
  take(kind: ClientMsgKind): boolean;
}

/** Tokens are counted in thousandths, times in whole ms since EPOCH_MS: every field stays a small integer. */
const MILLI = 1000;
const EPOCH_MS = performance.now();

/**
 * The three buckets of a connection in one object of small integers: `take` runs for every frame of
 * every client, and V8 keeps integer fields inside the object where fractional ones would each be a
 * separate box, so one cache line serves the whole check.
 */
class ConnectionBuckets implements FrameLimits {
  private inputTokens: number;
  private chatTokens = CHAT_FLOOD_BURST * MILLI;
  private pingTokens = PING_BURST * MILLI;
  private lastMs: number;
  private readonly inputBurst: number;
  /** Input thousandths of a token refilled per ms (= tokens per s). */
  private readonly inputPerMs: number;

  constructor(
    tickHz: number,
    private readonly now: () => number,
  ) {
    this.inputBurst = INPUT_BURST_TICKS * tickHz * MILLI;
    this.inputPerMs = Math.round(INPUT_RATE_FACTOR * tickHz);
    this.inputTokens = this.inputBurst;
    this.lastMs = this.clock();
  }

  take(kind: ClientMsgKind): boolean {
    const t = this.clock();
    const ms = t - this.lastMs;
    this.lastMs = t;
    // Every bucket refills on every frame, so one timestamp serves all three.
    this.inputTokens = Math.min(this.inputBurst, this.inputTokens + ms * this.inputPerMs);
    this.chatTokens = Math.min(CHAT_FLOOD_BURST * MILLI, this.chatTokens + ms * CHAT_FLOOD_PER_S);
    this.pingTokens = Math.min(PING_BURST * MILLI, this.pingTokens + ms * PING_PER_S);
    if (kind === ClientMsg.Input) {
      if (this.inputTokens < MILLI) return false;
      this.inputTokens -= MILLI;
    } else if (kind === ClientMsg.Chat) {
      if (this.chatTokens < MILLI) return false;
      this.chatTokens -= MILLI;
    } else {
      if (this.pingTokens < MILLI) return false;
      this.pingTokens -= MILLI;
    }
    return true;
  }

  private clock(): number {
    return Math.floor(this.now() - EPOCH_MS);
  }
}

/** New limits for a connection to a server ticking at `tickHz`, on clock `now` (ms). */
export function createFrameLimits(tickHz: number, now: () => number): FrameLimits {
  return new ConnectionBuckets(tickHz, now);
}
