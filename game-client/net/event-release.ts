/** Game events held back until the render time reaches their tick, so effects line up with what is drawn. */
import type { GameEvent } from '../../protocol/index.js';

/** Batches beyond this many ticks are released at once rather than held (a stalled render loop). */
export const MAX_QUEUED_EVENT_TICKS = 256;

/** Queues event batches by tick and hands them out in order once their tick is drawn. */
export class EventRelease {
  private readonly queued: { tick: number; events: readonly GameEvent[] }[] = [];

  /** `emit` receives each released event, in arrival order. */
  constructor(private readonly emit: (event: GameEvent) => void) {}

  /** Queues the events of `tick`; a full queue is flushed. */
  push(tick: number, events: readonly GameEvent[]): void {
    this.queued.push({ tick, events });
    if (this.queued.length > MAX_QUEUED_EVENT_TICKS) this.release(Number.POSITIVE_INFINITY);
  }

  /** Emits every queued batch at or before `upToTick`. */
  release(upToTick: number): void {
    while (this.queued.length > 0 && this.queued[0]!.tick <= upToTick) {
      const batch = this.queued.shift()!;
      for (const e of batch.events) this.emit(e);
    }
  }

  /** Drops everything queued (a resume starts events over). */
  clear(): void {
    this.queued.length = 0;
  }
}
