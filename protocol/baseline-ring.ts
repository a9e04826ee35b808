/** A bounded ring of past states by tick: the baselines one side can still delta against. */
import type { WireState } from './wire-state.js';

/** How many ticks of states each side keeps (about 2 s at 30 Hz); older acks get a full frame. */
export const BASELINE_RING_TICKS = 64;

/** Remembers the last BASELINE_RING_TICKS states by tick; a slot holds only the newest tick mapping to it. */
export class BaselineRing<T extends { readonly tick: number } = WireState> {
  private readonly slots: (T | undefined)[];

  /**
   * `evicted`, if given, is called with every state the ring lets go of (overwritten, forgotten or
   * cleared), once each: an owner that recycles states learns there when the ring no longer holds one.
   */
  constructor(
    readonly size = BASELINE_RING_TICKS,
    private readonly evicted?: (state: T) => void,
  ) {
    this.slots = new Array<T | undefined>(size).fill(undefined);
  }

  /** Stores `state` under its tick (overwriting the state `size` ticks older). */
  put(state: T): void {
    const i = state.tick % this.size;
    const old = this.slots[i];
    this.slots[i] = state;
    if (old !== undefined && old !== state) this.evicted?.(old);
  }

  /** The state of exactly `tick`, if still held. */
  get(tick: number): T | undefined {
    if (!(tick > 0)) return undefined;
    const s = this.slots[tick % this.size];
    return s !== undefined && s.tick === tick ? s : undefined;
  }

  /**
   * Forgets the states of ticks `from` up to (not including) `to`. A sender calls it when a newer
   * acknowledgement makes them useless as baselines, so they die young instead of living `size` ticks.
   */
  forgetRange(from: number, to: number): void {
    const { slots, size } = this;
    for (let t = Math.max(1, from, to - size); t < to; t++) {
      const i = t % size;
      const s = slots[i];
      if (s !== undefined && s.tick === t) {
        slots[i] = undefined;
        this.evicted?.(s);
      }
    }
  }

  /** Forgets everything. */
  clear(): void {
    const { slots, evicted } = this;
    for (let i = 0; i < slots.length; i++) {
      const s = slots[i];
      slots[i] = undefined;
      if (s !== undefined) evicted?.(s);
    }
  }
}
