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
  // Slab test, x then y, without allocating: it runs for every projectile and wall each tick.
  let tMin = 0;
  let tMax = 1;
  const dx = x1 - x0;
  const loX = w.x - pad;
  const hiX = w.x + w.w + pad;
  if (dx === 0) {
    if (x0 < loX || x0 > hiX) return -1;
  } else {
    const t1 = (loX - x0) / dx;
    const t2 = (hiX - x0) / dx;
    tMin = Math.max(tMin, Math.min(t1, t2));
    tMax = Math.min(tMax, Math.max(t1, t2));
    if (tMin > tMax) return -1;
  }
  const dy = y1 - y0;
  const loY = w.y - pad;
  const hiY = w.y + w.h + pad;
  if (dy === 0) {
    if (y0 < loY || y0 > hiY) return -1;
  } else {
    const t1 = (loY - y0) / dy;
    const t2 = (hiY - y0) / dy;
    tMin = Math.max(tMin, Math.min(t1, t2));
    tMax = Math.min(tMax, Math.max(t1, t2));
    if (tMin > tMax) return -1;
  }
  return tMin;
}

/**
 * Earliest t in [0, 1] where the segment comes within `radius` of (cx, cy), or Infinity if it does not
 * (a number that compares as "later than any hit", never a small integer beside the fractional hits).
 */
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
  if (a === 0) return Number.POSITIVE_INFINITY;
  const b = 2 * (fx * dx + fy * dy);
  const disc = b * b - 4 * a * c;
  if (disc < 0) return Number.POSITIVE_INFINITY;
  const t = (-b - Math.sqrt(disc)) / (2 * a);
  return t >= 0 && t <= 1 ? t : Number.POSITIVE_INFINITY;
}
