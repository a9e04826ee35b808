/** Net graph statistics: traffic and frame rates, underrun counting, and the snapshot the net graph reads. */
import type { ServerClock } from './clock.js';
import { RateMeter } from './rate-meter.js';

/** What the net graph shows (and `window.tickfire.net` exposes). */
export interface NetGraphData {
  readonly rttMs: number;
  /** Round-trip jitter (median absolute deviation of RTT), ms. */
  readonly jitterMs: number;
  /** Snapshot arrival jitter (RFC 3550 style), ms. */
  readonly snapshotJitterMs: number;
  readonly serverTick: number;
  /** State frames received over the last second. */
  readonly snapshotRate: number;
  readonly bytesInPerS: number;
  readonly bytesOutPerS: number;
  /** Interpolation delay in use, ms. */
  readonly interpDelayMs: number;
  /** Times the render time ran past the newest snapshot. */
  readonly underruns: number;
  /** Frames drawn past the newest snapshot (extrapolated, or held once the bound is reached). */
  readonly extrapolatedFrames: number;
  /** How far the last frame's render time was past the newest snapshot, ms (0 while interpolating). */
  readonly overrunMs: number;
  /** Reconciliations that moved the prediction, and how many of them snapped. */
  readonly corrections: number;
  readonly snaps: number;
  readonly pendingInputs: number;
  readonly fps: number;
}

/** The parts of a session whose figures the net graph shows besides the rates. */
export interface NetStatsSources {
  readonly clock: Pick<ServerClock, 'rttMs' | 'jitterMs'>;
  /** The render sampler (snapshot arrival jitter). */
  readonly sampler: { readonly snapshotJitterMs: number };
  readonly buffer: { readonly interpolationDelayMs: number };
  /** The own-player prediction (corrections, snaps, pending inputs). */
  readonly own: { readonly corrections: number; readonly snaps: number; readonly pendingCount: number };
  readonly serverTick: number;
}

/** Collects the rates and underrun counts of one session. */
export class NetStats {
  readonly bytesIn = new RateMeter();
  readonly bytesOut = new RateMeter();
  readonly snapshots = new RateMeter();
  readonly frames = new RateMeter();
  /** Times the render time ran past the newest snapshot. */
  underruns = 0;
  /** Frames drawn past the newest snapshot. */
  extrapolatedFrames = 0;
  private lastOverrunMs = 0;
  private inUnderrun = false;

  /** Counts `n` socket bytes in direction `dir` at client time `now`. */
  addBytes(dir: 'in' | 'out', n: number, now: number): void {
    (dir === 'in' ? this.bytesIn : this.bytesOut).add(n, now);
  }

  /** How far the last frame's render time was past the newest snapshot, ms (0 while interpolating). */
  get overrunMs(): number {
    return this.lastOverrunMs;
  }

  /** Records one frame's overrun; true when it starts a new underrun. */
  countOverrun(overrunMs: number): boolean {
    this.lastOverrunMs = overrunMs;
    if (overrunMs <= 0) {
      this.inUnderrun = false;
      return false;
    }
    this.extrapolatedFrames += 1;
    if (this.inUnderrun) return false;
    this.inUnderrun = true;
    this.underruns += 1;
    return true;
  }

  /** Everything the net graph shows, at client time `now`. */
  read(now: number, s: NetStatsSources): NetGraphData {
    return {
      rttMs: s.clock.rttMs,
      jitterMs: s.clock.jitterMs,
      snapshotJitterMs: s.sampler.snapshotJitterMs,
      serverTick: s.serverTick,
      snapshotRate: this.snapshots.perSecond(now),
      bytesInPerS: this.bytesIn.perSecond(now),
      bytesOutPerS: this.bytesOut.perSecond(now),
      interpDelayMs: s.buffer.interpolationDelayMs,
      underruns: this.underruns,
      extrapolatedFrames: this.extrapolatedFrames,
      overrunMs: this.lastOverrunMs,
      corrections: s.own.corrections,
      snaps: s.own.snaps,
      pendingInputs: s.own.pendingCount,
      fps: this.frames.perSecond(now),
    };
  }
}
