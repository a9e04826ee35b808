/** Wraps a socket factory so every frame crosses simulated links (delay, jitter, caps, bursts) both ways. */
import type { SocketFactory, SocketLike } from './connection.js';
import { LinkSim, type Schedule } from './link-sim.js';
import type { NetConditions } from './net-conditions.js';

/** Clock, timer and randomness of the simulated links (real ones by default). */
export interface SimSocketOptions {
  readonly now?: () => number;
  readonly schedule?: Schedule;
  readonly random?: () => number;
}

/** Bytes of a received frame, for the bandwidth cap (0 when unknown). */
const sizeOf = (data: unknown): number =>
  data instanceof ArrayBuffer ? data.byteLength : ArrayBuffer.isView(data) ? data.byteLength : 0;

/**
 * A SocketFactory whose sends reach the real socket after the up link and whose received frames
 * reach the handlers after the down link. Open is immediate; close is delivered after the frames
 * already in flight, as on a real connection.
 */
export function withNetConditions(
  inner: SocketFactory,
  c: NetConditions,
  opts: SimSocketOptions = {},
): SocketFactory {
  const now = opts.now ?? (() => performance.now());
  const schedule: Schedule = opts.schedule ?? ((fn, ms) => void setTimeout(fn, ms));
  return (url, handlers) => {
    const link = (kbps: number) =>
      new LinkSim({
        delayMs: c.delayMs / 2,
        jitterMs: c.jitterMs,
        kbps,
        burstEveryMs: c.burstEveryMs,
        burstMs: c.burstMs,
        now,
        schedule,
        random: opts.random,
      });
    const up = link(c.upKbps);
    const down = link(c.downKbps);
    let closed = false;
    const socket = inner(url, {
      open: () => handlers.open(),
      message: (data) => down.send(sizeOf(data), () => handlers.message(data)),
      close: (code, reason) => {
        schedule(
          () => {
            closed = true;
            handlers.close(code, reason);
          },
          Math.max(0, down.drainedAt - now()),
        );
      },
    });
    const wrapped: SocketLike = {
      get readyState() {
        return closed ? 3 : socket.readyState;
      },
      send: (data) => {
        up.send(data.byteLength, () => {
          if (socket.readyState === 1) socket.send(data);
        });
      },
      close: (code, reason) => socket.close(code, reason),
    };
    return wrapped;
  };
}
