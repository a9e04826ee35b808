/** Slow consumers: a socket whose send buffer stays over a bound for too long is closed with 4008. */
import type uWS from 'uWebSockets.js';
import { CloseCode } from '../../protocol/index.js';
import type { RefuseSocket } from './refuse.js';
import type { SessionData } from './session.js';

/** What the sweep needs. */
export interface SlowConsumerOptions {
  /** Buffered bytes above which a socket counts as slow. */
  readonly bytes: number;
  /** How long (ms) a socket may stay slow. */
  readonly ms: number;
  readonly now: () => number;
  readonly refuse: RefuseSocket;
}

/** How often to sweep for a given timeout: a quarter of it, between 50 ms and 1 s. */
export function sweepIntervalMs(timeoutMs: number): number {
  return Math.min(1000, Math.max(50, Math.floor(timeoutMs / 4)));
}

/** One pass over the open sockets (the close handler removes a socket from `sockets`). */
export function sweepSlowConsumers(
  sockets: ReadonlySet<uWS.WebSocket<SessionData>>,
  o: SlowConsumerOptions,
): void {
  const t = o.now();
  for (const ws of [...sockets]) {
    // Closing one socket may close others (a room ending): skip those, uWS throws on a closed socket.
    if (!sockets.has(ws)) continue;
    const s = ws.getUserData().session;
    if (s.refused) continue;
    const buffered = ws.getBufferedAmount();
    if (buffered <= o.bytes) {
      s.slowSince = 0;
      continue;
    }
    if (s.slowSince === 0) s.slowSince = t;
    else if (t - s.slowSince >= o.ms) {
      const secs = Math.round((t - s.slowSince) / 100) / 10;
      o.refuse(ws, CloseCode.SlowConsumer, `slow_consumer: ${buffered} bytes unread for ${secs} s`);
    }
  }
}
