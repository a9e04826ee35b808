import { describe, expect, it } from 'vitest';
import {
  type InputCounters,
  InputQueue,
  MAX_BACKLOG,
  MAX_BORROWED,
  MAX_SEQ_AHEAD,
  STANDING_QUEUE_TICKS,
} from '../../game-server/room/input-queue.js';
import type { SimInput } from '../../game-server/sim/index.js';
import { createRandom } from '../../game-server/sim/rng.js';
import { Key } from '../../protocol/index.js';

const input = (seq: number) => ({ seq, keys: seq % 32, aim: 0 });
const newCounters = () => ({ inputsDropped: 0, inputsLate: 0 });

describe('InputQueue', () => {
  it('yields inputs in seq order, one per take', () => {
    const q = new InputQueue(newCounters());
    for (const s of [1, 2]) q.push(input(s));
    expect([q.take()?.seq, q.take()?.seq, q.take()]).toEqual([1, 2, undefined]);
  });

  it('drops duplicates and seqs not newer than the last applied or queued', () => {
    const c = newCounters();
    const q = new InputQueue(c);
    expect(q.push(input(5))).toBe(true);
    expect(q.push(input(5))).toBe(false);
    expect(q.push(input(4))).toBe(false);
    expect(q.take()?.seq).toBe(5);
    expect(q.push(input(5))).toBe(false);
    expect(q.push(input(3))).toBe(false);
    expect(q.push(input(6))).toBe(true);
    expect(c.inputsDropped).toBe(4);
  });

  it('a burst leaves the newest two waiting: older ones are skipped on arrival, their fire merged', () => {
    const c = newCounters();
    // No standing-queue skips, so the takes yield exactly what was kept.
    const q = new InputQueue(c, Number.POSITIVE_INFINITY);
    q.push({ seq: 1, keys: Key.Fire, aim: 0 });
    for (let s = 2; s <= 11; s++) q.push({ seq: s, keys: Key.Up, aim: 0 });
    expect(q.length).toBe(MAX_BACKLOG);
    const first = q.take();
    expect(first?.seq).toBe(10);
    expect(first?.keys).toBe(Key.Up | Key.Fire);
    expect([q.take()?.seq, q.take()]).toEqual([11, undefined]);
    expect(c.inputsLate).toBe(9);
    expect(c.inputsDropped).toBe(0);
  });

  it('sheds a backlog: at most two wait per tick, the skipped count as late, their fire is merged', () => {
    const counters = newCounters();
    const q = new InputQueue(counters);
    q.push({ seq: 1, keys: 16, aim: 0 });
    for (const s of [2, 3, 4]) q.push({ seq: s, keys: 8, aim: 0 });
    const first = q.take();
    expect(first?.seq).toBe(3);
    expect(first?.keys).toBe(8 | 16);
    expect(q.take()?.seq).toBe(4);
    expect(counters.inputsLate).toBe(2);
  });

  it('never skips inputs that arrive evenly (one per tick)', () => {
    const c = newCounters();
    const q = new InputQueue(c);
    const applied: number[] = [];
    for (let s = 1; s <= 200; s++) {
      q.push(input(s));
      applied.push(q.take()!.seq);
    }
    expect(applied).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
    expect(c.inputsLate).toBe(0);
  });

  it('drains a standing queue of one after STANDING_QUEUE_TICKS takes, skipping exactly one input', () => {
    const c = newCounters();
    const q = new InputQueue(c);
    q.push({ seq: 1, keys: Key.Fire, aim: 0 });
    const applied: number[] = [];
    for (let s = 2; s <= 50; s++) {
      q.push(input(s));
      applied.push(q.take()!.seq);
    }
    // Takes 1..K leave one waiting; take K+1 skips seq K+1 (its fire merged into K+2); then none wait.
    const k = STANDING_QUEUE_TICKS;
    expect(applied.slice(0, k)).toEqual(Array.from({ length: k }, (_, i) => i + 1));
    expect(applied[k]).toBe(k + 2);
    expect(applied.at(-1)).toBe(50);
    expect(c.inputsLate).toBe(1);
    expect(q.length).toBe(0);
  });

  it('merges the fire press of an input skipped to drain a standing queue', () => {
    const q = new InputQueue(newCounters(), 1);
    q.push(input(1));
    q.push({ seq: 2, keys: Key.Fire | Key.Up, aim: 0 });
    expect(q.take()?.seq).toBe(1);
    q.push({ seq: 3, keys: Key.Up, aim: 0 });
    const next = q.take();
    expect(next?.seq).toBe(3);
    expect(next?.keys).toBe(Key.Up | Key.Fire);
  });

  it('under jittered arrivals at the tick rate, every input is applied (or skipped) at the first tick after it arrives', () => {
    for (const jitter of [0.1, 0.3]) {
      for (const phase of [0.02, 0.5, 0.98]) {
        const rng = createRandom(7);
        const c = newCounters();
        const q = new InputQueue(c);
        // Input s arrives at (s + phase +- jitter) ticks plus rare 1.5-tick stalls, in order (TCP).
        const arrivals: number[] = [];
        for (let s = 1; s <= 3000; s++) {
          const stall = rng() < 0.01 ? 1.5 : 0;
          arrivals.push(Math.max(arrivals.at(-1) ?? 0, s + phase + (rng() - 0.5) * 2 * jitter + stall));
        }
        let next = 0;
        let worstWait = 0;
        let acked = 0;
        for (let tick = 1; tick <= 3100; tick++) {
          while (next < arrivals.length && (arrivals[next] as number) < tick) q.push(input(++next));
          const taken = q.take();
          if (!taken) continue;
          expect(taken.seq).toBeGreaterThan(acked);
          // The ack jumps to taken.seq: every input up to it is done, applied or skipped.
          for (let s = acked + 1; s <= taken.seq; s++)
            worstWait = Math.max(worstWait, tick - (arrivals[s - 1] as number));
          acked = taken.seq;
          expect(q.standingTakes).toBeLessThanOrEqual(STANDING_QUEUE_TICKS);
        }
        expect(acked).toBe(3000);
        expect(worstWait, `jitter ${jitter} phase ${phase}`).toBeLessThanOrEqual(1);
        // Skips stay a minority even where arrivals straddle the tick; elsewhere they are rare.
        expect(c.inputsLate).toBeLessThan(3000 * (phase === 0.5 ? 0.03 : 0.3));
      }
    }
  });

  it('skips an input whose step a tick without input already took, once it arrives bunched', () => {
    const c = newCounters();
    const q = new InputQueue(c);
    q.push(input(1));
    expect(q.take()?.seq).toBe(1);
    expect(q.take()).toBeUndefined(); // input 2 is late: the player moves on held keys
    q.push({ seq: 2, keys: Key.Fire, aim: 0 });
    q.push(input(3));
    const next = q.take();
    expect(next?.seq).toBe(3); // the ack jumps past 2 at once rather than 3 waiting a tick
    expect(next?.keys).toBe(3 | Key.Fire);
    expect(c.inputsLate).toBe(1);
    q.push(input(4));
    q.push(input(5));
    expect(q.take()?.seq).toBe(4); // the debt is repaid: a later bunch waits as before
    expect(q.take()?.seq).toBe(5);
  });

  it(`remembers at most ${MAX_BORROWED} input-less ticks`, () => {
    const q = new InputQueue(newCounters());
    for (let t = 0; t < 10; t++) q.take();
    const applied: (number | undefined)[] = [];
    for (let s = 1; s <= 2 * MAX_BORROWED + 2; s += 2) {
      q.push(input(s));
      q.push(input(s + 1));
      applied.push(q.take()?.seq);
    }
    // Each of the first MAX_BORROWED bunches repays one borrowed step; the next one waits as usual.
    expect(applied).toEqual([
      ...Array.from({ length: MAX_BORROWED }, (_, i) => 2 * i + 2),
      2 * MAX_BORROWED + 1,
    ]);
  });

  it('with no jitter at any phase, never skips and leaves nothing waiting', () => {
    for (const phase of [0, 0.001, 0.5, 0.999]) {
      const c = newCounters();
      const q = new InputQueue(c);
      let next = 0;
      for (let tick = 1; tick <= 300; tick++) {
        while (next < 300 && next + 1 + phase < tick) q.push(input(++next));
        q.take();
        expect(q.length).toBe(0);
      }
      expect(c.inputsLate).toBe(0);
    }
  });

  it('refuses seqs from the future', () => {
    const counters = newCounters();
    const q = new InputQueue(counters);
    expect(q.push(input(1000))).toBe(false);
    expect(q.push(input(1))).toBe(true);
    expect(q.take()?.seq).toBe(1);
    expect(q.push(input(1 + 64 + 1))).toBe(false);
    expect(q.push(input(2))).toBe(true);
    expect(counters.inputsDropped).toBe(2);
  });

  it('the second waiting input keeps its aim and viewTime when it moves up, on arrival and at take', () => {
    const q = new InputQueue(newCounters(), Number.POSITIVE_INFINITY);
    const at = (seq: number) => ({ seq, keys: seq, aim: 100 * seq, viewTime: 1000 * seq });
    // 3 arrives while 1 and 2 wait: 1 is skipped, 2 moves up (b to a), 3 waits behind it.
    for (const seq of [1, 2, 3]) q.push(at(seq));
    expect({ ...q.take() }).toEqual(at(2));
    // At the take, 3 moved up: it comes next with its own fields.
    expect({ ...q.take() }).toEqual(at(3));
    // Two waiting, taken one by one: the second moves up at the first take.
    q.push(at(4));
    q.push(at(5));
    expect({ ...q.take() }).toEqual(at(4));
    expect({ ...q.take() }).toEqual(at(5));
    // A standing-queue skip moves the second up before it is taken.
    const s = new InputQueue(newCounters(), 0);
    s.push(at(1));
    s.push(at(2));
    expect({ ...s.take() }).toEqual({ ...at(2), keys: 2 | (1 & Key.Fire) });
  });

  it('an input skipped on arrival repays a borrowed step: the take after it skips no more', () => {
    const c = newCounters();
    const q = new InputQueue(c);
    expect(q.take()).toBeUndefined(); // one tick without input: one step borrowed
    for (const seq of [1, 2, 3]) q.push(input(seq)); // 1 is skipped on arrival, repaying it
    expect(q.take()?.seq).toBe(2);
    expect(q.length).toBe(1);
    expect(c.inputsLate).toBe(1);
    expect(q.take()?.seq).toBe(3);
    // Nothing is owed any more: the next bunch waits as usual.
    q.push(input(4));
    q.push(input(5));
    expect(q.take()?.seq).toBe(4);
    expect(q.take()?.seq).toBe(5);
    expect(c.inputsLate).toBe(1);
  });

  it('agrees with the reference model of the policy (the array-based queue) on random arrivals', () => {
    for (const standingTicks of [0, 1, STANDING_QUEUE_TICKS, 3]) {
      for (const seed of [1, 2, 3, 4, 5]) {
        const rng = createRandom(seed * 7919 + standingTicks);
        const c = newCounters();
        const q = new InputQueue(c, standingTicks);
        const rc = newCounters();
        const ref = new ReferenceQueue(rc, standingTicks);
        let seq = 0;
        for (let tick = 0; tick < 2000; tick++) {
          const where = `standingTicks ${standingTicks} seed ${seed} tick ${tick}`;
          // Input-less ticks often; otherwise a burst the reference queue holds without evicting.
          const burst = rng() < 0.3 ? 0 : Math.floor(rng() * (REFERENCE_CAP - ref.length + 1));
          for (let i = 0; i < burst; i++) {
            const r = rng();
            // Mostly the next seq; some lost (a gap), duplicate or stale, and rarely from the far future.
            const s =
              r < 0.1
                ? Math.max(1, seq - Math.floor(rng() * 3))
                : r < 0.2
                  ? seq + 2 + Math.floor(rng() * 3)
                  : r < 0.22
                    ? ref.lastApplied + MAX_SEQ_AHEAD + 1 + Math.floor(rng() * 10)
                    : seq + 1;
            const next: SimInput = {
              seq: s,
              keys: Math.floor(rng() * 32),
              aim: Math.floor(rng() * 2000) - 1000,
              ...(rng() < 0.8 ? { viewTime: Math.floor(rng() * 1e6) } : {}),
            };
            const accepted = ref.push({ ...next });
            expect(q.push(next), where).toBe(accepted);
            if (accepted) seq = s;
          }
          const want = ref.take();
          const got = q.take();
          expect(got && { ...got }, where).toEqual(want && { ...want, viewTime: want.viewTime ?? 0 });
          expect(q.length, where).toBe(ref.length);
          expect(q.standingTakes, where).toBe(ref.standingTakes);
          expect(c, where).toEqual(rc);
        }
        expect(rc.inputsLate).toBeGreaterThan(0);
        expect(rc.inputsDropped).toBeGreaterThan(0);
      }
    }
  });
});

/** The cap of the reference queue: bursts stay within it, so it never evicts (the queue under test counts those as late). */
const REFERENCE_CAP = 8;

/**
 * The policy as it was first written (game-server/room/input-queue.ts at e59713c): an array of every
 * waiting input, the backlog shed at the take. The one change: a seq from the future is refused
 * beyond MAX_SEQ_AHEAD (that version allowed REFERENCE_CAP more).
 */
class ReferenceQueue {
  private readonly items: SimInput[] = [];
  lastApplied = 0;
  private standing = 0;
  private borrowed = 0;

  constructor(
    private readonly counters: InputCounters,
    private readonly standingTicks: number,
  ) {}

  push(input: SimInput): boolean {
    const items = this.items;
    const newest = items.length > 0 ? (items[items.length - 1] as SimInput).seq : this.lastApplied;
    if (input.seq <= newest || input.seq > this.lastApplied + MAX_SEQ_AHEAD) {
      this.counters.inputsDropped += 1;
      return false;
    }
    items.push(input);
    if (items.length > REFERENCE_CAP)
      throw new Error('the reference queue overflowed: the burst was too long');
    return true;
  }

  take(): SimInput | undefined {
    const items = this.items;
    if (items.length === 0) {
      this.standing = 0;
      this.borrowed = Math.min(MAX_BORROWED, this.borrowed + 1);
      return undefined;
    }
    const keep = this.standing >= this.standingTicks ? 1 : MAX_BACKLOG;
    const skip = Math.max(items.length - keep, Math.min(this.borrowed, items.length - 1));
    let fire = 0;
    for (let i = 0; i < skip; i++) fire |= (items.shift() as SimInput).keys & Key.Fire;
    if (skip > 0) {
      this.counters.inputsLate += skip;
      this.borrowed = Math.max(0, this.borrowed - skip);
    }
    const next = items.shift() as SimInput;
    this.standing = items.length > 0 ? this.standing + 1 : 0;
    this.lastApplied = next.seq;
    return fire && !(next.keys & Key.Fire) ? { ...next, keys: next.keys | fire } : next;
  }

  get length(): number {
    return this.items.length;
  }

  get standingTakes(): number {
    return this.standing;
  }
}
