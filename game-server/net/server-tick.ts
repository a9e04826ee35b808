/**
 * The server's tick passes: each pass ticks the rooms of one tick phase, the phases in turn, so every
 * room ticks once per tick period and no pass holds the event loop for all rooms. Measured into the
 * metrics (cost, lateness, room drop counters).
 */
import type { Logger } from '../logger.js';
import type { ServerMetrics } from '../metrics.js';
import type { Loop } from '../room/loop.js';
import type { RoomRegistry } from '../room/room-registry.js';

/** Observer of tick cost (benchmarks): wall ms of one pass (one phase's rooms) and of each room's tick. */
export type TickObserver = (allMs: number, roomMs: readonly number[]) => void;

/** What a tick pass needs. */
export interface TickPassDeps {
  readonly registry: RoomRegistry;
  readonly log: Logger;
  readonly metrics: ServerMetrics;
  /** The tick period: every room ticks once in it. */
  readonly tickMs: number;
  readonly now: () => number;
  readonly observe?: TickObserver | undefined;
}

/** The tick passes: give createLoop `tickMs: passMs` and `onTick`. */
export interface TickPass {
  /** Length of one pass: the tick period over the registry's tick phases. */
  readonly passMs: number;
  /** Runs pass `pass` (1, 2, 3, ...: the loop's tick count). */
  onTick(pass: number): void;
  /** Call right after loop.start(): lateness is measured from it. */
  started(loop: Loop): void;
}

/** Creates the tick passes of a registry's rooms. */
export function createTickPass(d: TickPassDeps): TickPass {
  let loop: Loop | null = null;
  let startedAt = 0;
  const phases = d.registry.tickPhases;
  const passMs = d.tickMs / phases;
  const statsEvery = Math.max(1, Math.round(1000 / passMs));
  const onError = (room: { code: string }, err: unknown) =>
    d.log.error({ err, room: room.code }, 'room tick failed');
  return {
    passMs,
    started(l) {
      loop = l;
      startedAt = d.now();
    },
    onTick(pass) {
      if (loop)
        d.metrics.tickLateness.observe(
          Math.max(0, d.now() - (startedAt + (loop.ticks + loop.skipped) * passMs)),
        );
      // Per-room costs only for an observer: no array per tick otherwise.
      const roomMs: number[] | null = d.observe ? [] : null;
      const t0 = performance.now();
      // Passes run the phases in turn: a skipped pass delays every room alike.
      d.registry.tickPhase((pass - 1) % phases, onError, roomMs ? (ms) => roomMs.push(ms) : undefined);
      const allMs = performance.now() - t0;
      d.metrics.tickDuration.observe(allMs);
      // Room drop counters are cumulative: folding them in about once a second loses nothing.
      if (pass % statsEvery === 0)
        for (const room of d.registry.all()) d.metrics.addRoomStats(room.code, room.stats);
      if (roomMs) d.observe?.(allMs, roomMs);
    },
  };
}
