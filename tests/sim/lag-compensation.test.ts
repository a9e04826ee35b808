import { describe, expect, it } from 'vitest';
import {
  addPlayer,
  createWorld,
  MAX_REWIND_MS,
  playersAt,
  recordHistory,
  rewindFor,
  type SimInput,
  stepWorld,
  type World,
} from '../../game-server/sim/index.js';
import { EventKind, Key } from '../../protocol/index.js';
import { nextSeq, openArena, resetSeq } from '../helpers/sim.js';

const open = openArena([
  { x: 300, y: 1000 },
  { x: 900, y: 700 },
]);
const TICK_MS = 1000 / 30;

/** Shooter 1 at (300, 1000) aiming +x; target 2 crossing the line of fire downwards at x = 900. */
function setup(targetY: number): World {
  const world = createWorld({ tickHz: 30, seed: 3, arena: open });
  addPlayer(world, 1, 'shooter');
  addPlayer(world, 2, 'target');
  const [a, b] = [world.players.get(1)!, world.players.get(2)!];
  [a.x, a.y, b.x, b.y] = [300, 1000, 900, targetY];
  a.protectedUntilTick = b.protectedUntilTick = 0;
  return world;
}

/** Server time of tick t (a running server's clock is far from 0). */
const timeOf = (t: number) => 10_000 + t * TICK_MS;

/** Steps one tick with the given inputs. */
function step(world: World, inputs: [number, Omit<SimInput, 'seq'>][]) {
  const map = new Map(inputs.map(([id, i]) => [id, { ...i, seq: nextSeq() }]));
  return stepWorld(world, map, timeOf(world.tick + 1));
}

/**
 * The target walks down through the line of fire (y = 1000) and beyond. The shooter fires once at
 * `fireTick`, seeing the world `viewLagMs` in the past (viewTime = now - viewLagMs), or unknown (0).
 */
function duel(fireTick: number, viewLagMs: number | null, targetY = 900) {
  const world = setup(targetY);
  const hits: number[] = [];
  for (let t = 1; t <= 60; t++) {
    const nowMs = timeOf(t);
    const fire = t === fireTick;
    const viewTime = viewLagMs === null ? 0 : Math.round(nowMs - viewLagMs);
    const events = step(world, [
      [1, { keys: fire ? Key.Fire : 0, aim: 0, viewTime }],
      [2, { keys: Key.Down, aim: 0 }],
    ]);
    for (const e of events) if (e[0] === EventKind.Hit) hits.push(t);
  }
  return { hits, shooter: world.players.get(1)!, target: world.players.get(2)! };
}

describe('lag compensation', () => {
  it('keeps a bounded history and interpolates it like a client does', () => {
    const keepMs = 300;
    const h = recordHistory([], 1, 0, [{ id: 1, x: 0, y: 0, alive: true }], keepMs);
    for (let t = 1; t <= 30; t++)
      recordHistory(h, t + 1, t * 20, [{ id: 1, x: t * 10, y: 0, alive: true }], keepMs);
    expect(h[h.length - 1]!.timeMs - h[0]!.timeMs).toBeLessThanOrEqual(keepMs);
    expect(h.map((f) => f.tick)).toEqual(Array.from({ length: 16 }, (_, i) => i + 16));
    // Frames that fell out of the window are refilled: the same objects, new contents.
    const oldest = h[0]!;
    recordHistory(h, 32, 620, [{ id: 2, x: 1, y: 2, alive: false }], keepMs);
    expect(h[h.length - 1]).toBe(oldest);
    expect(oldest).toEqual({ tick: 32, timeMs: 620, players: [{ id: 2, x: 1, y: 2, alive: false }] });
    expect(playersAt(h, 590)?.[0]?.x).toBeCloseTo(295, 9);
    // A jump in time drops several frames at once; the rest keep their order, the newest last.
    recordHistory(h, 40, 900, [{ id: 1, x: 5, y: 5, alive: true }], keepMs);
    expect(h.map((f) => f.tick)).toEqual([31, 32, 40]);
    expect(h[2]?.players).toEqual([{ id: 1, x: 5, y: 5, alive: true }]);
    expect(rewindFor(1000, 0)).toBe(0);
    expect(rewindFor(1000, 100)).toBe(MAX_REWIND_MS);
    expect(rewindFor(1000, 850)).toBe(150);
  });

  // The target moves 200/30 px a tick, so it crosses the 40 px hit band in 6 ticks; the shot needs
  // about 19 ticks to fly the 580 px. Fired at tick 3, it arrives (tick ~22) after the target left the
  // line (y ~1047); a shooter 200 ms (6 ticks) behind saw the target at y ~1007: on the line.
  it('a shot that hit on the shooter’s screen (200 ms behind) registers', () => {
    expect(duel(3, 200).hits.length).toBe(1);
    expect(duel(3, null).hits).toEqual([]);
  });

  it('a shot at a target already gone from the shooter’s screen does not', () => {
    // Fired at tick 14: even 200 ms in the past the target had long crossed the line.
    expect(duel(14, 200).hits).toEqual([]);
    // Starting higher, the target is on the line when the shot arrives, but on the shooter's screen
    // (200 ms earlier) it was still 40 px above: the server does not count the shot.
    expect(duel(8, null, 820).hits.length).toBe(1);
    expect(duel(8, 200, 820).hits).toEqual([]);
  });

  it('caps the rewind: a view older than MAX_REWIND_MS is resolved at the cap', () => {
    const capped = duel(3, 5000);
    const atCap = duel(3, MAX_REWIND_MS);
    // The history holds only HISTORY_MS, so the hits alone would match without the cap too.
    expect(capped.shooter.viewLagMs).toBe(MAX_REWIND_MS);
    expect(capped.hits).toEqual(atCap.hits);
  });

  it('is deterministic', () => {
    resetSeq();
    const a = duel(3, 200);
    resetSeq();
    expect(duel(3, 200)).toEqual(a);
  });
});
