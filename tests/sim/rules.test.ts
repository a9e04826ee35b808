import { describe, expect, it } from 'vitest';
import {
  ARENA,
  type Arena,
  Key,
  movePlayer,
  PLAYER_RADIUS_PX,
  PLAYER_SPEED_PX_S,
  POSITION_SCALE,
  segmentHitsCircle,
  segmentHitsWall,
} from '../../protocol/index.js';
import { openArena } from '../helpers/sim.js';

const open = openArena([{ x: 100, y: 100 }]);
const dt = 1 / 30;
const step = PLAYER_SPEED_PX_S * dt;
const onGrid = (v: number) => Number.isInteger(v * POSITION_SCALE);

describe('movePlayer', () => {
  it.each([
    [Key.Right, step, 0],
    [Key.Left, -step, 0],
    [Key.Down, 0, step],
    [Key.Up, 0, -step],
    [Key.Up | Key.Down, 0, 0],
    [Key.Fire, 0, 0],
  ])('keys %i move by (%f, %f) up to the grid', (keys, dx, dy) => {
    const p = movePlayer({ x: 1000, y: 1000 }, keys, dt, open);
    expect(p.x).toBeCloseTo(1000 + dx, 1);
    expect(p.y).toBeCloseTo(1000 + dy, 1);
    expect(onGrid(p.x) && onGrid(p.y)).toBe(true);
  });

  it('normalises diagonals', () => {
    const p = movePlayer({ x: 1000, y: 1000 }, Key.Right | Key.Down, dt, open);
    expect(Math.hypot(p.x - 1000, p.y - 1000)).toBeCloseTo(step, 1);
  });

  it('clamps to the arena', () => {
    expect(movePlayer({ x: 17, y: 1990 }, Key.Left | Key.Down, dt, open)).toEqual({
      x: PLAYER_RADIUS_PX,
      y: 2000 - PLAYER_RADIUS_PX,
    });
  });

  it('stops at a wall and slides along it', () => {
    const arena: Arena = { ...open, walls: [{ x: 1010, y: 900, w: 100, h: 200 }] };
    const blocked = movePlayer({ x: 990, y: 1000 }, Key.Right, dt, arena);
    expect(blocked).toEqual({ x: 1010 - PLAYER_RADIUS_PX, y: 1000 });
    const slid = movePlayer(blocked, Key.Right | Key.Down, dt, arena);
    expect(slid.x).toBe(1010 - PLAYER_RADIUS_PX);
    expect(slid.y).toBeGreaterThan(1000);
  });

  it('never ends inside a wall of the real arena, whatever is held', () => {
    let p = { x: 120, y: 120 };
    let seed = 1;
    for (let i = 0; i < 5000; i++) {
      seed = (seed * 48271) % 2147483647;
      p = movePlayer(p, seed % 16, dt, ARENA);
      for (const w of ARENA.walls) {
        const inside =
          p.x + PLAYER_RADIUS_PX > w.x &&
          p.x - PLAYER_RADIUS_PX < w.x + w.w &&
          p.y + PLAYER_RADIUS_PX > w.y &&
          p.y - PLAYER_RADIUS_PX < w.y + w.h;
        expect(inside).toBe(false);
      }
    }
  });
});

describe('projectile collision', () => {
  const wall = { x: 100, y: 0, w: 10, h: 100 };
  it('finds where a segment enters a padded wall', () => {
    expect(segmentHitsWall(0, 50, 200, 50, wall, 0)).toBeCloseTo(0.5);
    expect(segmentHitsWall(0, 50, 200, 50, wall, 10)).toBeCloseTo(0.45);
    expect(segmentHitsWall(0, 150, 200, 150, wall, 4)).toBe(-1);
    expect(segmentHitsWall(0, 50, 50, 50, wall, 4)).toBe(-1);
    expect(segmentHitsWall(105, 50, 200, 50, wall, 0)).toBe(0);
  });
  it('finds where a segment meets a circle', () => {
    expect(segmentHitsCircle(0, 0, 100, 0, 60, 0, 10)).toBeCloseTo(0.5);
    expect(segmentHitsCircle(0, 0, 100, 0, 60, 11, 10)).toBe(Number.POSITIVE_INFINITY);
    expect(segmentHitsCircle(0, 0, 40, 0, 60, 0, 10)).toBe(Number.POSITIVE_INFINITY);
    expect(segmentHitsCircle(60, 0, 100, 0, 60, 0, 10)).toBe(0);
  });
});
