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

/**
 * The three buckets as plain numbers in one object: `take` runs for every frame of every client, and
 * one object is one cache line to fetch where separate buckets were several.
 */
class ConnectionBuckets implements FrameLimits {
  private inputTokens: number;
  private chatTokens = CHAT_FLOOD_BURST;
  private pingTokens = PING_BURST;
  private last: number;
  private readonly inputBurst: number;
  private readonly inputPerMs: number;

  constructor(
    tickHz: number,
    private readonly now: () => number,
  ) {
    this.inputBurst = INPUT_BURST_TICKS * tickHz;
    this.inputPerMs = (INPUT_RATE_FACTOR * tickHz) / 1000;
    this.inputTokens = this.inputBurst;
    this.last = now();
  }

  take(kind: ClientMsgKind): boolean {
    const t = this.now();
    const ms = t - this.last;
    this.last = t;
    // Every bucket refills on every frame, so one timestamp serves all three.
    this.inputTokens = Math.min(this.inputBurst, this.inputTokens + ms * this.inputPerMs);
    this.chatTokens = Math.min(CHAT_FLOOD_BURST, this.chatTokens + (ms * CHAT_FLOOD_PER_S) / 1000);
    this.pingTokens = Math.min(PING_BURST, this.pingTokens + (ms * PING_PER_S) / 1000);
    if (kind === ClientMsg.Input) {
      if (this.inputTokens < 1) return false;
      this.inputTokens -= 1;
    } else if (kind === ClientMsg.Chat) {
      if (this.chatTokens < 1) return false;
      this.chatTokens -= 1;
    } else {
      if (this.pingTokens < 1) return false;
      this.pingTokens -= 1;
    }
    return true;
  }
}

/** New limits for a connection to a server ticking at `tickHz`, on clock `now` (ms). */
export function createFrameLimits(tickHz: number, now: () => number): FrameLimits {
  return new ConnectionBuckets(tickHz, now);
}
