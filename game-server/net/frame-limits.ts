/** Per-connection token buckets on inbound frames: a client far beyond what the protocol needs is closed. */
import { ClientMsg, type ClientMsgKind } from '../../protocol/index.js';
import { TokenBucket } from '../room/token-bucket.js';

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

/** New limits for a connection to a server ticking at `tickHz`, on clock `now` (ms). */
export function createFrameLimits(tickHz: number, now: () => number): FrameLimits {
  const input = new TokenBucket(INPUT_BURST_TICKS * tickHz, INPUT_RATE_FACTOR * tickHz, now);
  const chat = new TokenBucket(CHAT_FLOOD_BURST, CHAT_FLOOD_PER_S, now);
  const ping = new TokenBucket(PING_BURST, PING_PER_S, now);
  return {
    take: (kind) => (kind === ClientMsg.Input ? input : kind === ClientMsg.Chat ? chat : ping).take(),
  };
}
