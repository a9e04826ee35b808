/** The server's tick pass: every room one tick, measured into the metrics (cost, lateness, room drop counters). */
import type { Logger } from '../logger.js';
import type { ServerMetrics } from '../metrics.js';
import type { Loop } from '../room/loop.js';
import type { RoomRegistry } from '../room/room-registry.js';

/** Observer of tick cost (benchmarks): wall ms of the whole server tick and of each room's tick. */
export type TickObserver = (allMs: number, roomMs: readonly number[]) => void;

/** What a tick pass needs. */
export interface TickPassDeps {
  readonly registry: RoomRegistry;
  readonly log: Logger;
  readonly metrics: ServerMetrics;
  readonly tickMs: number;
  readonly now: () => number;
  readonly observe?: TickObserver | undefined;
}

/** A tick pass to give createLoop; call `started(loop)` right after loop.start() (lateness is measured from it). */
export function createTickPass(d: TickPassDeps): { onTick(): void; started(loop: Loop): void } {
  let loop: Loop | null = null;
  let startedAt = 0;
  let ticks = 0;
  const statsEvery = Math.max(1, Math.round(1000 / d.tickMs));
  const onError = (room: { code: string }, err: unknown) =>
    d.log.error({ err, room: room.code }, 'room tick failed');
  return {
    started(l) {
      loop = l;
      startedAt = d.now();
    },
    onTick() {
      if (loop)
        d.metrics.tickLateness.observe(
          Math.max(0, d.now() - (startedAt + (loop.ticks + loop.skipped) * d.tickMs)),
        );
      // Per-room costs only for an observer: no array per tick otherwise.
      const roomMs: number[] | null = d.observe ? [] : null;
      const t0 = performance.now();
      d.registry.tickAll(onError, roomMs ? (ms) => roomMs.push(ms) : undefined);
      const allMs = performance.now() - t0;
      d.metrics.tickDuration.observe(allMs);
      // Room drop counters are cumulative: folding them in about once a second loses nothing.
      if (++ticks % statsEvery === 0)
        for (const room of d.registry.all()) d.metrics.addRoomStats(room.code, room.stats);
      if (roomMs) d.observe?.(allMs, roomMs);
    },
  };
}
