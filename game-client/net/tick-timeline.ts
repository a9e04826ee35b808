/** Places snapshots on the server's tick grid, so ticks that ran late do not speed up or slow down remote motion. */

/** Options of a TickTimeline. */
export interface TickTimelineOptions {
  /** Server tick rate (Welcome). */
  readonly tickHz: number;
  /** How many recent snapshots the grid's origin is the earliest of. @default 90 */
  readonly window?: number;
  /** After this many snapshots in a row all later than the origin by over two ticks, it moves. @default 15 */
  readonly rebaseAfter?: number;
}

/**
 * The server steps on a fixed grid (tick n is due at origin + n * tickMs) but stamps each State with
 * the wall time its tick actually ran, which on a loaded host is up to tens of ms late, and a late tick
 * is followed by an on-time one. Interpolating between those stamps moves remote players by one tick's
 * distance over 20 or 50 ms of render time: visible speed-ups and stalls. Re-stamping each snapshot at
 * `origin + tick * tickMs`, with the origin the earliest `stamp - tick * tickMs` seen recently (a tick
 * is never early), keeps motion uniform; the lateness becomes arrival jitter, which the adaptive delay
 * absorbs. When the server drops ticks to catch up (every later stamp is then late by whole ticks) the
 * origin follows after `rebaseAfter` snapshots.
 */
export class TickTimeline {
  private readonly tickMs: number;
  private readonly windowSize: number;
  private readonly rebaseAfter: number;
  private readonly bases: number[] = [];
  private origin = Number.NaN;
  private lateRun = 0;

  constructor(o: TickTimelineOptions) {
    this.tickMs = 1000 / o.tickHz;
    this.windowSize = Math.max(1, o.window ?? 90);
    this.rebaseAfter = Math.max(1, o.rebaseAfter ?? 15);
  }

  /** The grid time of `tick`, given the server time it was stamped with. */
  place(tick: number, serverTime: number): number {
    const base = serverTime - tick * this.tickMs;
    this.lateRun = base > this.origin + 2 * this.tickMs ? this.lateRun + 1 : 0;
    if (this.lateRun >= this.rebaseAfter) {
      this.bases.splice(0, this.bases.length - this.rebaseAfter + 1);
      this.lateRun = 0;
    }
    this.bases.push(base);
    if (this.bases.length > this.windowSize) this.bases.shift();
    this.origin = Math.min(...this.bases);
    return this.origin + tick * this.tickMs;
  }

  /** The grid's origin: server time of tick 0, in ms (NaN before the first snapshot). */
  get originMs(): number {
    return this.origin;
  }
}
