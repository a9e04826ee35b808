import { describe, expect, it } from 'vitest';
import { createRandom } from '../../game-server/sim/rng.js';
import {
  ARENA,
  ARENA_LARGE,
  type Arena,
  Key,
  movePlayer,
  PLAYER_RADIUS_PX,
  PLAYER_SPEED_PX_S,
  POSITION_SCALE,
  type Point,
} from '../../protocol/index.js';

/** stepPlayer as it was before its wall broad phase: every wall, in arena order, on each axis. */
function reference(from: Point, keys: number, dtS: number, arena: Arena): Point {
  const r = PLAYER_RADIUS_PX;
  const p = { ...from };
  const resolve = (alongX: boolean, delta: number) => {
    for (const w of arena.walls) {
      if (p.x + r <= w.x || p.x - r >= w.x + w.w || p.y + r <= w.y || p.y - r >= w.y + w.h) continue;
      if (alongX) p.x = delta > 0 ? w.x - r : w.x + w.w + r;
      else p.y = delta > 0 ? w.y - r : w.y + w.h + r;
    }
  };
  let dx = (keys & Key.Right ? 1 : 0) - (keys & Key.Left ? 1 : 0);
  let dy = (keys & Key.Down ? 1 : 0) - (keys & Key.Up ? 1 : 0);
  if (dx !== 0 && dy !== 0) {
    dx *= Math.SQRT1_2;
    dy *= Math.SQRT1_2;
  }
  const step = PLAYER_SPEED_PX_S * dtS;
  if (dx !== 0) {
    p.x = Math.min(arena.width - r, Math.max(r, p.x + dx * step));
    resolve(true, dx);
  }
  if (dy !== 0) {
    p.y = Math.min(arena.height - r, Math.max(r, p.y + dy * step));
    resolve(false, dy);
  }
  return {
    x: Math.round(p.x * POSITION_SCALE) / POSITION_SCALE,
    y: Math.round(p.y * POSITION_SCALE) / POSITION_SCALE,
  };
}

const wall = (x: number, y: number, w: number, h: number) => ({ x, y, w, h });

/** `walls` with x and y swapped: the same tests for the column bands. */
const transposed = (walls: Arena['walls']) => walls.map((w) => wall(w.y, w.x, w.h, w.w));

/**
 * Walls for the row bands (by y, used when moving along x) near band edges k * 64: edges 16 px (the
 * player's reach) from an edge, give or take 1/16 or 1 px; walls overlapping at different x in one
 * band; pairs closer than a player's width whose push-outs depend on the arena order (the later wall
 * catches the player pushed out of the earlier one); walls at the arena's edges and beyond its extent.
 */
const ROW_WALLS: Arena['walls'] = [
  wall(100, 3 * 64 + 15, 80, 40), // top 1 px within reach of a player in band 2
  wall(150, 3 * 64 + 16, 80, 40), // top just out of reach of band 2, overlapping the one above
  wall(200, 3 * 64 + 17, 80, 40),
  wall(120, 3 * 64 + 15 + 15 / 16, 200, 8), // off the integer grid, 1/16 px within reach of band 2
  wall(300, 5 * 64 - 15 - 50, 60, 50), // bottom 1 px within reach of a player in band 5
  wall(330, 5 * 64 - 16 - 48, 60, 48),
  wall(280, 5 * 64 - 17 - 30, 100, 30),
  // Order-sensitive pairs (10 px gaps): moving right out of the first into the second, then left.
  wall(600, 7 * 64 - 10, 40, 30),
  wall(550, 7 * 64 - 10, 40, 30),
  wall(650, 7 * 64 + 20, 40, 30),
  wall(700, 7 * 64 + 20, 40, 30),
  // Overlapping, in a band of their own, in both x orders.
  wall(420, 8 * 64 + 5, 60, 20),
  wall(380, 8 * 64 + 10, 60, 20),
  wall(460, 8 * 64 + 12, 60, 20),
  // At the top edge (a player above it is off the bands) and across the bottom of the bands (the arena
  // is 700 px high: bands cover 0..704, the wall reaches beyond).
  wall(500, 0, 80, 30),
  wall(800, 680, 80, 60),
];

/** 1000 x 700 px (neither a multiple of 64), every wall above in both orientations. */
const MADE_UP: Arena = {
  width: 1000,
  height: 700,
  walls: [...ROW_WALLS, ...transposed(ROW_WALLS)],
  spawns: [{ x: 20, y: 20 }],
};

/** The eight directions (and holding nothing). */
const MOVES = [
  0,
  Key.Right,
  Key.Left,
  Key.Down,
  Key.Up,
  Key.Right | Key.Down,
  Key.Left | Key.Up,
  Key.Right | Key.Up,
  Key.Left | Key.Down,
];

/** Coordinates at band edges k * 64 ± {0, 1/32, 1/16, 1} for k in -1..ceil(extent / 64) + 1. */
function bandEdges(extent: number): number[] {
  const out: number[] = [];
  for (let k = -1; k <= Math.ceil(extent / 64) + 1; k++) {
    for (const d of [0, 1 / 32, 1 / 16, 1]) out.push(k * 64 - d, k * 64 + d);
  }
  return out;
}

/** Coordinates across `lo..hi` widened by a player and a bit, every 2.5 px. */
function across(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let v = lo - 20; v <= hi + 20; v += 2.5) out.push(v);
  return out;
}

describe('stepPlayer wall broad phase', () => {
  it('moves exactly like testing every wall at band edges of a made-up arena', () => {
    const dtS = 1 / 30;
    let mismatches = 0;
    const check = (x: number, y: number, keys: number, arena = MADE_UP) => {
      const got = movePlayer({ x, y }, keys, dtS, arena);
      const want = reference({ x, y }, keys, dtS, arena);
      if (!Object.is(got.x, want.x) || !Object.is(got.y, want.y)) {
        // One failure message with the case, not thousands.
        if (mismatches++ === 0) expect({ x, y, keys, got }).toEqual({ x, y, keys, got: want });
      }
    };
    const specials = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];
    for (const w of MADE_UP.walls) {
      // Row bands: y at band edges (and the odd values), x across the wall; column bands: the converse.
      for (const y of [...bandEdges(MADE_UP.height), ...specials]) {
        for (const x of [...across(w.x, w.x + w.w), ...specials]) for (const keys of MOVES) check(x, y, keys);
      }
      for (const x of [...bandEdges(MADE_UP.width), ...specials]) {
        for (const y of across(w.y, w.y + w.h)) for (const keys of MOVES) check(x, y, keys);
      }
    }
    expect(mismatches).toBe(0);
  });

  it('uses every wall in an arena of non-finite or huge size', () => {
    const rnd = createRandom(11);
    for (const [width, height] of [
      [Number.POSITIVE_INFINITY, Number.NaN],
      [Number.NaN, Number.POSITIVE_INFINITY],
      [1e12, 1e12],
    ] as const) {
      const arena: Arena = { ...MADE_UP, width, height };
      for (let i = 0; i < 5000; i++) {
        const w = arena.walls[Math.floor(rnd() * arena.walls.length)]!;
        const x = w.x - 24 + rnd() * (w.w + 48);
        const y = w.y - 24 + rnd() * (w.h + 48);
        const keys = MOVES[Math.floor(rnd() * MOVES.length)]!;
        expect(movePlayer({ x, y }, keys, 1 / 30, arena)).toEqual(reference({ x, y }, keys, 1 / 30, arena));
      }
    }
  });

  it('moves exactly like testing every wall, near walls, off the bands and outside the arena', () => {
    const rnd = createRandom(7);
    for (const arena of [ARENA, ARENA_LARGE]) {
      for (let i = 0; i < 20000; i++) {
        const w = arena.walls[Math.floor(rnd() * arena.walls.length)]!;
        const near = rnd() < 0.7;
        const x = near ? w.x - 24 + rnd() * (w.w + 48) : -100 + rnd() * (arena.width + 200);
        const y = near ? w.y - 24 + rnd() * (w.h + 48) : -100 + rnd() * (arena.height + 200);
        const keys = Math.floor(rnd() * 16);
        expect(movePlayer({ x, y }, keys, 1 / 30, arena)).toEqual(reference({ x, y }, keys, 1 / 30, arena));
      }
    }
  });
});
