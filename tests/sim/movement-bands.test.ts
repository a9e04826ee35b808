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

describe('stepPlayer wall broad phase', () => {
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
