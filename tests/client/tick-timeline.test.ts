import { describe, expect, it } from 'vitest';
import { TickTimeline } from '../../game-client/net/tick-timeline.js';

const TICK_MS = 1000 / 30;

describe('TickTimeline', () => {
  it('puts late-running ticks back on the grid', () => {
    const t = new TickTimeline({ tickHz: 30 });
    const origin = 12_345;
    const lateness = [0, 0, 14, 3, 0, 27, 1, 0, 9, 0];
    const placed = lateness.map((late, i) =>
      t.place(100 + i, Math.round(origin + (100 + i) * TICK_MS + late)),
    );
    for (let i = 1; i < placed.length; i++) expect(placed[i]! - placed[i - 1]!).toBeCloseTo(TICK_MS, 9);
    expect(Math.abs(placed[0]! - (origin + 100 * TICK_MS))).toBeLessThanOrEqual(0.5);
  });

  it('follows the grid when the server drops ticks to catch up', () => {
    const t = new TickTimeline({ tickHz: 30, rebaseAfter: 5 });
    for (let i = 0; i < 30; i++) t.place(i, i * TICK_MS);
    // 10 ticks' worth of time went by without ticks: every later tick runs 333 ms behind its old slot.
    const shifted = (i: number) => t.place(i, i * TICK_MS + 10 * TICK_MS);
    for (let i = 30; i < 34; i++) shifted(i);
    expect(t.originMs).toBeCloseTo(0, 9);
    shifted(34);
    expect(t.originMs).toBeCloseTo(10 * TICK_MS, 9);
    expect(shifted(35)).toBeCloseTo(45 * TICK_MS, 9);
  });
});
