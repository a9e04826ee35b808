/** The per-frame render sample: the delayed render time (adaptive delay), buffer sampling, and the frame drawn. */
import { AdaptiveDelay } from './interp-delay.js';
import type { OwnPrediction } from './own-prediction.js';
import type { ShotView } from './predicted-shots.js';
import type { PlayerView, ProjectileView, RoundView, Snapshot } from './snapshot.js';
import type { InterpolatedFrame, SnapshotBuffer } from './snapshot-buffer.js';

/** Everything a renderer needs for one frame. */
export interface SessionFrame {
  /** The own player at its predicted position, if it exists in the world yet. */
  readonly me: PlayerView | null;
  /** Every other player, interpolated. */
  readonly others: readonly PlayerView[];
  readonly projectiles: readonly ProjectileView[];
  readonly round: RoundView;
  /** Tick being displayed for remote entities. */
  readonly tick: number;
  /** Own shots predicted locally (the server's copies of own projectiles are left out of `projectiles`). */
  readonly shots: readonly ShotView[];
}

/** One advance of the render clock. */
export interface RenderSample {
  /** Client ms since the previous frame (0 on the first). */
  readonly dtMs: number;
  /** The delayed server time sampled. */
  readonly renderTime: number;
  /** The interpolated world, or undefined before any snapshot. */
  readonly sampled: InterpolatedFrame | undefined;
}

/** Samples the snapshot buffer once per frame, behind the server time by the (adaptive) interpolation delay. */
export class RenderSampler {
  private adaptive: AdaptiveDelay | null = null;
  private lastFrameAt = Number.NaN;

  /** `adapt` false keeps the buffer's fixed interpolation delay. */
  constructor(
    private readonly buffer: SnapshotBuffer,
    private readonly adapt: boolean,
  ) {}

  /** Sets the delay up for a room's snapshot rate (on every Welcome). */
  start(snapshotHz: number): void {
    if (!this.adapt || snapshotHz <= 0) return;
    this.adaptive = new AdaptiveDelay({ snapshotIntervalMs: 1000 / snapshotHz });
    this.buffer.interpolationDelayMs = this.adaptive.delayMs;
  }

  /** Feeds a snapshot's (tick-grid) server time and client arrival time to the jitter estimate. */
  onSnapshot(serverTime: number, arrivalTime: number): void {
    this.adaptive?.onSnapshot(serverTime, arrivalTime);
  }

  /** Tells the adaptive delay the render time ran past the newest snapshot. */
  onUnderrun(): void {
    this.adaptive?.onUnderrun();
  }

  /** Snapshot arrival jitter, ms (0 with a fixed delay). */
  get snapshotJitterMs(): number {
    return this.adaptive?.jitterMs ?? 0;
  }

  /** Advances to client time `now` (server time `serverNow`) and samples the buffer at the delayed time. */
  sample(now: number, serverNow: number): RenderSample {
    const dtMs = Number.isNaN(this.lastFrameAt) ? 0 : now - this.lastFrameAt;
    this.lastFrameAt = now;
    if (this.adaptive) this.buffer.interpolationDelayMs = this.adaptive.update(dtMs, serverNow - now);
    const renderTime = serverNow - this.buffer.interpolationDelayMs;
    return { dtMs, renderTime, sampled: this.buffer.sampleAt(renderTime) };
  }
}

/** What composing a frame needs besides the sampled world. */
export interface FrameInputs {
  readonly myId: number;
  /** The newest snapshot (the own player is drawn from it, at the predicted position). */
  readonly latest: Snapshot | undefined;
  readonly own: OwnPrediction;
  readonly dtMs: number;
  readonly heldKeys: number;
  /** How far into the current input tick the frame is, 0..1. */
  readonly tickFraction: number;
  readonly now: number;
}

/** Splits the sampled world into own (predicted) and other players, and swaps own projectiles for predicted shots. */
export function composeFrame(sampled: InterpolatedFrame, f: FrameInputs): SessionFrame {
  let me: PlayerView | null = null;
  const others: PlayerView[] = [];
  for (const p of sampled.players) if (p.id !== f.myId) others.push(p);
  const latestMe = f.latest?.players.get(f.myId);
  const predicted = f.own.renderPosition(f.dtMs, f.heldKeys, f.tickFraction);
  if (latestMe) me = predicted ? { ...latestMe, x: predicted.x, y: predicted.y } : latestMe;
  const shots = f.own.visibleShots(
    f.now,
    others.filter((p) => p.alive),
  );
  const projectiles = f.own.predictsShots
    ? sampled.projectiles.filter((p) => p.ownerId !== f.myId)
    : sampled.projectiles;
  return { me, others, projectiles, round: sampled.round, tick: sampled.tick, shots };
}
