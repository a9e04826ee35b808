import { describe, expect, it } from 'vitest';
import { ClientStateView, SENT_WINDOW_TICKS } from '../../game-server/room/state-sender.js';
import { createRandom } from '../../game-server/sim/rng.js';
import { BaselineRing, EMPTY_STATE, type WireState } from '../../protocol/index.js';

function stateAt(tick: number): WireState {
  return { ...EMPTY_STATE, tick };
}

/** A room ring holding the states of ticks `from` up to `to`. */
function ringOf(from: number, to: number): BaselineRing<WireState> {
  const ring = new BaselineRing<WireState>();
  for (let t = from; t <= to; t++) ring.put(stateAt(t));
  return ring;
}

describe('ClientStateView: per-client sent ticks over the room ring', () => {
  it('accepts a claim of a tick sent to it, and ignores claims of ticks never sent', () => {
    const ring = ringOf(1, 20);
    const v = new ClientStateView(1, 'shared');
    for (const t of [10, 12, 13]) v.markSent(t);
    expect(v.baseline(14, 11, ring)).toBe(EMPTY_STATE); // 11 held by the room, never sent to this client
    expect(v.baseline(14, 15, ring)).toBe(EMPTY_STATE); // not sent yet
    expect(v.baseline(14, 12, ring).tick).toBe(12);
    expect(v.baseline(15, 0, ring).tick).toBe(12); // no new claim: the ack stays the baseline
  });

  it('only moves acks forward', () => {
    const ring = ringOf(1, 20);
    const v = new ClientStateView(1, 'shared');
    for (let t = 1; t <= 10; t++) v.markSent(t);
    expect(v.baseline(11, 9, ring).tick).toBe(9);
    expect(v.baseline(12, 5, ring).tick).toBe(9); // a stale claim does not move the ack back
    expect(v.baseline(12, 10, ring).tick).toBe(10);
  });

  it('never uses a baseline that is not older than the frame', () => {
    const ring = ringOf(1, 20);
    const v = new ClientStateView(1, 'shared');
    v.markSent(10);
    expect(v.baseline(10, 10, ring)).toBe(EMPTY_STATE);
  });

  it('records sent ticks through gaps in both masks, up to the window edge', () => {
    const v = new ClientStateView(1, 'shared');
    const sent = [1, 2, 5, 29, 30, 31, 32, 33, 40, 61, 62, 70, 90, 91];
    for (const t of sent) v.markSent(t);
    const last = 91;
    for (let t = 1; t <= last; t++) {
      const expected = sent.includes(t) && last - t < SENT_WINDOW_TICKS;
      expect(v.wasSent(t), `tick ${t}`).toBe(expected);
    }
    expect(v.wasSent(last - SENT_WINDOW_TICKS)).toBe(false); // 30: sent, but just past the window
    expect(v.wasSent(last - SENT_WINDOW_TICKS + 1)).toBe(true); // 31: the oldest tick in it
    // A jump past the whole window forgets everything before it.
    v.markSent(last + SENT_WINDOW_TICKS);
    for (let t = 1; t < last + SENT_WINDOW_TICKS; t++) expect(v.wasSent(t)).toBe(false);
  });

  it('agrees with a plain set of sent ticks over random gaps', () => {
    const random = createRandom(7);
    const rnd = (n: number): number => Math.floor(random() * n);
    const v = new ClientStateView(1, 'shared');
    const sent = new Set<number>();
    let t = 0;
    for (let i = 0; i < 500; i++) {
      t += 1 + (rnd(4) === 0 ? rnd(70) : rnd(3));
      v.markSent(t);
      sent.add(t);
      for (let u = Math.max(1, t - 80); u <= t + 1; u++) {
        expect(v.wasSent(u), `tick ${u} after ${t}`).toBe(sent.has(u) && t - u < SENT_WINDOW_TICKS);
      }
    }
  });

  it('gives a full frame at the window edge: a claim too old to be recorded, or an ack the room ring dropped', () => {
    const v = new ClientStateView(1, 'shared');
    for (let t = 1; t <= 100; t++) v.markSent(t);
    const ring = ringOf(37, 100); // 64 ticks before 101
    // Tick 100 - SENT_WINDOW_TICKS is in the room ring but outside the sent window.
    expect(v.baseline(101, 100 - SENT_WINDOW_TICKS, ring)).toBe(EMPTY_STATE);
    expect(v.baseline(101, 100 - SENT_WINDOW_TICKS + 1, ring).tick).toBe(100 - SENT_WINDOW_TICKS + 1);
    // The ack stays the baseline while the room ring holds it, then the client gets a full frame.
    expect(v.baseline(102, 0, ring).tick).toBe(100 - SENT_WINDOW_TICKS + 1);
    const later = ringOf(200 - 64, 199);
    expect(v.baseline(200, 0, later)).toBe(EMPTY_STATE);
  });

  it('takes an interest view its baselines from its own filtered states, not the room ring', () => {
    const room = ringOf(1, 20);
    const v = new ClientStateView(1, 'near');
    const mine = stateAt(5);
    v.interest?.sent.put(mine);
    v.markSent(5);
    expect(v.baseline(6, 5, room)).toBe(mine);
  });
});
