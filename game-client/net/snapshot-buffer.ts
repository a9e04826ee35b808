/** Buffered snapshots and entity interpolation at a delayed render time, so remote motion stays smooth. */
import type { PlayerView, ProjectileView, RoundView, Snapshot } from './snapshot.js';

/** Options of a SnapshotBuffer. */
export interface SnapshotBufferOptions {
  /** How far behind the estimated server time entities are drawn, in ms. @default 100 */
  readonly interpolationDelayMs?: number;
  /** Snapshots older than this behind the newest are dropped, in ms. @default 1000 */
  readonly historyMs?: number;
  /** A move longer than this between two snapshots is a teleport (respawn): no tweening, in px. @default 96 */
  readonly teleportPx?: number;
  /** Past the newest snapshot, motion is extrapolated for at most this long, then held, in ms. @default 100 */
  readonly maxExtrapolateMs?: number;
}

/** The world at one render time: every entity interpolated between the two surrounding snapshots. */
export interface InterpolatedFrame {
  /** The server time that was sampled (already delayed). */
  readonly renderTime: number;
  /** Tick of the older of the two snapshots while interpolating; of the newer one when extrapolating past it. */
  readonly tick: number;
  readonly players: readonly PlayerView[];
  readonly projectiles: readonly ProjectileView[];
  readonly round: RoundView;
  /** How far the render time is past the newest snapshot, in ms (0 while interpolating). */
  readonly overrunMs: number;
}

/** Default interpolation delay: about three snapshots at 30 Hz, so one lost frame does not stall motion. */
export const DEFAULT_INTERPOLATION_DELAY_MS = 100;

/** Interpolates from `a` to `b` the short way round the circle. */
export function lerpAngle(a: number, b: number, t: number): number {
  let d = (b - a) % (2 * Math.PI);
  if (d > Math.PI) d -= 2 * Math.PI;
  else if (d < -Math.PI) d += 2 * Math.PI;
  const r = a + d * t;
  return Math.atan2(Math.sin(r), Math.cos(r));
}

const lerp = (a: number, b: number, t: number): number => a + (b - a) * t;

/**
 * Keeps recent snapshots ordered by server time. `sample(serverNow)` draws the world at
 * `serverNow - interpolationDelayMs`: between two snapshots it interpolates; before the oldest it holds
 * it; past the newest (an underrun) it extrapolates players and projectiles along their last velocity
 * for at most `maxExtrapolateMs`, then holds.
 * An entity only in the later snapshot appears there; one only in the earlier has gone.
 */
export class SnapshotBuffer {
  private readonly snapshots: Snapshot[] = [];
  /** Interpolation delay in ms; may be changed at run time. */
  interpolationDelayMs: number;
  private readonly historyMs: number;
  private readonly teleportPx: number;
  private readonly maxExtrapolateMs: number;

  constructor(options: SnapshotBufferOptions = {}) {
    this.maxExtrapolateMs = options.maxExtrapolateMs ?? 100;
    this.interpolationDelayMs = options.interpolationDelayMs ?? DEFAULT_INTERPOLATION_DELAY_MS;
    this.historyMs = options.historyMs ?? 1000;
    this.teleportPx = options.teleportPx ?? 96;
  }

  /** Adds a snapshot; duplicates and ones older than everything kept are ignored. */
  push(snap: Snapshot): void {
    const list = this.snapshots;
    let i = list.length;
    while (i > 0 && list[i - 1]!.serverTime > snap.serverTime) i--;
    if (i > 0 && list[i - 1]!.serverTime === snap.serverTime) return;
    if (i === 0 && list.length > 0 && snap.serverTime < list[0]!.serverTime - this.historyMs) return;
    list.splice(i, 0, snap);
    const newest = list[list.length - 1]!.serverTime;
    while (list.length > 2 && list[0]!.serverTime < newest - this.historyMs) list.shift();
  }

  /** The most recent snapshot received, if any. */
  get latest(): Snapshot | undefined {
    return this.snapshots[this.snapshots.length - 1];
  }

  /** Number of snapshots held. */
  get size(): number {
    return this.snapshots.length;
  }

  /** Forgets every snapshot. */
  clear(): void {
    this.snapshots.length = 0;
  }

  /** The interpolated world at `serverNow - interpolationDelayMs`, or undefined before any snapshot. */
  sample(serverNow: number): InterpolatedFrame | undefined {
    return this.sampleAt(serverNow - this.interpolationDelayMs);
  }

  /** The interpolated world at exactly `renderTime` (server clock). */
  sampleAt(renderTime: number): InterpolatedFrame | undefined {
    const list = this.snapshots;
    const first = list[0];
    const last = list[list.length - 1];
    if (!first || !last) return undefined;
    if (renderTime <= first.serverTime) return this.blend(first, first, 0, renderTime);
    if (renderTime > last.serverTime) {
      const prev = list[list.length - 2];
      const ahead = Math.min(renderTime - last.serverTime, this.maxExtrapolateMs);
      if (!prev || ahead <= 0) return this.blend(last, last, 0, renderTime);
      const t = 1 + ahead / (last.serverTime - prev.serverTime);
      return this.blend(prev, last, t, renderTime);
    }
    if (renderTime === last.serverTime) return this.blend(last, last, 0, renderTime);
    let j = list.length - 1;
    while (j > 0 && list[j - 1]!.serverTime > renderTime) j--;
    const a = list[j - 1]!;
    const b = list[j]!;
    const t = (renderTime - a.serverTime) / (b.serverTime - a.serverTime);
    return this.blend(a, b, t, renderTime);
  }

  private blend(a: Snapshot, b: Snapshot, t: number, renderTime: number): InterpolatedFrame {
    const players: PlayerView[] = [];
    for (const pb of b.players.values()) {
      const pa = a.players.get(pb.id);
      if (!pa || pa === pb || pa.alive !== pb.alive || this.isTeleport(pa, pb)) {
        players.push(pb);
        continue;
      }
      players.push({
        ...pb,
        x: lerp(pa.x, pb.x, t),
        y: lerp(pa.y, pb.y, t),
        angle: lerpAngle(pa.angle, pb.angle, t),
      });
    }
    const projectiles: ProjectileView[] = [];
    for (const qb of b.projectiles.values()) {
      const qa = a.projectiles.get(qb.id);
      projectiles.push(qa && qa !== qb ? { ...qb, x: lerp(qa.x, qb.x, t), y: lerp(qa.y, qb.y, t) } : qb);
    }
    const overrunMs = Math.max(0, renderTime - b.serverTime);
    // Within one phase the clock runs down from the older snapshot; across a phase change the newer one rules.
    const samePhase = a.round.phase === b.round.phase && a.round.number === b.round.number;
    const elapsed = Math.max(0, renderTime - a.serverTime);
    const round = samePhase ? { ...a.round, msLeft: Math.max(0, a.round.msLeft - elapsed) } : b.round;
    return { renderTime, tick: t >= 1 ? b.tick : a.tick, players, projectiles, round, overrunMs };
  }

  private isTeleport(a: PlayerView, b: PlayerView): boolean {
    return Math.hypot(b.x - a.x, b.y - a.y) > this.teleportPx;
  }
}
