/** Snapshot intake: decodes State frames, places them on the server's tick grid and buffers them. */
import type { StateMsg } from '../../protocol/index.js';
import type { ServerClock } from './clock.js';
import { type Snapshot, SnapshotDecoder } from './snapshot.js';
import type { SnapshotBuffer } from './snapshot-buffer.js';
import { TickTimeline } from './tick-timeline.js';

/** What a SnapshotIntake feeds. */
export interface SnapshotIntakeOptions {
  readonly buffer: SnapshotBuffer;
  readonly clock: ServerClock;
  /** Monotonic client clock in ms. */
  readonly now: () => number;
  /** Called per decoded snapshot with its tick-grid server time and client arrival time. */
  readonly onArrival: (serverTime: number, arrivalTime: number) => void;
}

/** Turns State messages into buffered snapshots, handing each newer tick on for reconciliation. */
export class SnapshotIntake {
  private readonly decoder = new SnapshotDecoder();
  private timeline: TickTimeline | null = null;
  /** Tick of the latest decoded State (0 before any). */
  private lastTick = 0;
  private lastReconciledTick = 0;

  constructor(private readonly o: SnapshotIntakeOptions) {}

  /** Tick of the latest State received (0 before any). */
  get latestTick(): number {
    return this.lastTick;
  }

  /** Starts a fresh tick grid for a room's tick rate (on every Welcome). */
  start(tickHz: number): void {
    this.timeline = new TickTimeline({ tickHz });
  }

  /** Takes one State; returns its snapshot if it is newer than any reconciled so far, else null. */
  accept(m: StateMsg): Snapshot | null {
    const snap = this.decoder.decode(m);
    if (!snap) return null; // its baseline is gone: not acknowledged, so the server falls back to an older one or a full frame
    this.lastTick = m[1];
    const now = this.o.now();
    if (!this.o.clock.ready) this.o.clock.seed(snap.serverTime, now);
    // Remote motion is drawn on the server's tick grid, not the wall times late-running ticks were stamped with.
    const placed = this.timeline
      ? { ...snap, serverTime: this.timeline.place(snap.tick, snap.serverTime) }
      : snap;
    this.o.onArrival(placed.serverTime, now);
    this.o.buffer.push(placed);
    if (snap.tick <= this.lastReconciledTick) return null;
    this.lastReconciledTick = snap.tick;
    return snap;
  }

  /** Forgets every snapshot and baseline (a resume starts over at its Welcome). */
  reset(): void {
    this.o.buffer.clear();
    this.decoder.reset();
    this.lastTick = 0;
    this.lastReconciledTick = 0;
  }
}
