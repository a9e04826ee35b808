/** Swept collision tests for projectiles: segment against walls and against players. */
import type { Wall } from './arena.js';

/**
 * Earliest parameter t in [0, 1] where the segment (x0,y0)->(x1,y1) enters the wall grown by
 * `pad` on every side, or -1 if it does not. A segment starting inside returns 0.
 */
export function segmentHitsWall(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  w: Wall,
  pad: number,
): number {
  let tMin = 0;
  let tMax = 1;
  const dx = x1 - x0;
  const dy = y1 - y0;
  const axes: readonly [number, number, number, number][] = [
    [x0, dx, w.x - pad, w.x + w.w + pad],
    [y0, dy, w.y - pad, w.y + w.h + pad],
  ];
  for (const [origin, delta, lo, hi] of axes) {
    if (delta === 0) {
      if (origin < lo || origin > hi) return -1;
      continue;
    }
    let t1 = (lo - origin) / delta;
    let t2 = (hi - origin) / delta;
    if (t1 > t2) [t1, t2] = [t2, t1];
    tMin = Math.max(tMin, t1);
    tMax = Math.min(tMax, t2);
    if (tMin > tMax) return -1;
  }
  return tMin;
}

/** Earliest t in [0, 1] where the segment comes within `radius` of (cx, cy), or -1. */
export function segmentHitsCircle(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  cx: number,
  cy: number,
  radius: number,
): number {
  const dx = x1 - x0;
  const dy = y1 - y0;
  const fx = x0 - cx;
  const fy = y0 - cy;
  const c = fx * fx + fy * fy - radius * radius;
  if (c <= 0) return 0;
  const a = dx * dx + dy * dy;
  if (a === 0) return -1;
  const b = 2 * (fx * dx + fy * dy);
  const disc = b * b - 4 * a * c;
  if (disc < 0) return -1;
  const t = (-b - Math.sqrt(disc)) / (2 * a);
  return t >= 0 && t <= 1 ? t : -1;
}
