import { describe, expect, it } from 'vitest';
import { type PredictedInput, Predictor } from '../../game-client/net/prediction.js';
import { ARENA, Key, movePlayer, type Point } from '../../protocol/index.js';

const TICK_HZ = 30;
const DT = 1 / TICK_HZ;

/**
 * A scripted key sequence: long runs, diagonals, and runs into walls; the last inputs release every
 * key, since the server keeps applying held keys on ticks without a new input.
 */
function script(n: number): number[] {
  const keys: number[] = [];
  const pattern = [
    Key.Right,
    Key.Right | Key.Down,
    Key.Down,
    Key.Left | Key.Up,
    0,
    Key.Up,
    Key.Right | Key.Fire,
  ];
  for (let i = 0; i < n; i++) keys.push(n - i <= 5 ? 0 : pattern[Math.floor(i / 23) % pattern.length]!);
  return keys;
}

/**
 * A deterministic fake server with the real rules: it receives each input `upTicks` after it is sent,
 * applies at most one per tick in seq order (held keys persist when none arrives), and its States
 * reach the client `downTicks` later.
 */
function simulate(upTicks: number, downTicks: number, ticks: number, start: Point) {
  const predictor = new Predictor({ tickHz: TICK_HZ, arena: ARENA, maxSmoothPx: 0 });
  const keys = script(ticks);
  const inFlight: { arrive: number; input: PredictedInput }[] = [];
  const states: { arrive: number; ack: number; pos: Point }[] = [];
  const queue: PredictedInput[] = [];
  let server = { ...start };
  let held = 0;
  let ack = 0;
  const checks: { predicted: Point; server: Point }[] = [];
  predictor.reconcile(0, start, true);

  for (let tick = 1; tick <= ticks + upTicks + downTicks + 5; tick++) {
    // Client sends its input for this tick (stops after the script) and predicts it.
    if (tick <= ticks) {
      const input = { seq: tick, keys: keys[tick - 1]! };
      predictor.applyInput(input);
      inFlight.push({ arrive: tick + upTicks, input });
    }
    // Server receives what has arrived, applies one input, steps, and sends a State.
    while (inFlight[0] && inFlight[0].arrive <= tick) queue.push(inFlight.shift()!.input);
    const next = queue.shift();
    if (next) {
      held = next.keys;
      ack = next.seq;
    }
    server = movePlayer(server, held, DT, ARENA);
    states.push({ arrive: tick + downTicks, ack, pos: { ...server } });
    // Client receives States and reconciles.
    while (states[0] && states[0].arrive <= tick) {
      const s = states.shift()!;
      predictor.reconcile(s.ack, s.pos, true);
      // What the server will have once it has applied every input the client sent so far.
      let expected = s.pos;
      for (let seq = s.ack + 1; seq <= Math.min(tick, ticks); seq++)
        expected = movePlayer(expected, keys[seq - 1]!, DT, ARENA);
      checks.push({ predicted: { ...predictor.position! }, server: expected });
    }
  }
  return { predictor, server, checks };
}

describe('Predictor', () => {
  it.each([
    [0, 0],
    [1, 1],
    [3, 2],
    [6, 6],
  ])('matches the server exactly after reconciliation (up %i ticks, down %i ticks)', (up, down) => {
    const { predictor, server, checks } = simulate(up, down, 400, { x: 120, y: 120 });
    for (const c of checks) expect(c.predicted).toEqual(c.server);
    expect(predictor.position).toEqual(server);
    expect(predictor.pendingCount).toBe(0);
  });

  it('runs into walls exactly like the server (slides, never enters)', () => {
    const { predictor, server } = simulate(2, 2, 600, { x: 860, y: 860 });
    expect(predictor.position).toEqual(server);
  });

  it('does not move while the server says the player cannot', () => {
    const p = new Predictor({ tickHz: TICK_HZ, arena: ARENA });
    p.reconcile(0, { x: 500, y: 500 }, false);
    p.applyInput({ seq: 1, keys: Key.Right });
    expect(p.position).toEqual({ x: 500, y: 500 });
  });

  it('smooths a small correction and snaps a large one', () => {
    const p = new Predictor({ tickHz: TICK_HZ, arena: ARENA, maxSmoothPx: 48, smoothHalfLifeMs: 50 });
    p.reconcile(0, { x: 500, y: 500 }, true);
    p.reconcile(0, { x: 510, y: 500 }, true);
    expect(p.renderPosition(0)).toEqual({ x: 500, y: 500 });
    expect(p.renderPosition(50)?.x).toBeCloseTo(505, 6);
    expect(p.renderPosition(1000)?.x).toBeCloseTo(510, 3);
    p.reconcile(0, { x: 1500, y: 1500 }, true);
    expect(p.renderPosition(0)).toEqual({ x: 1500, y: 1500 });
  });
});
