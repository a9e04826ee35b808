/** Whether a straight line crosses no wall: for shots (projectile-sized) and for walking (player-sized). */
import { type Arena, segmentHitsWall } from '../../protocol/index.js';

/** True when a segment from (x0, y0) to (x1, y1), grown by `pad` px, touches no wall of `arena`. */
export function clearLine(
  arena: Arena,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  pad: number,
): boolean {
  for (const w of arena.walls) if (segmentHitsWall(x0, y0, x1, y1, w, pad) >= 0) return false;
  return true;
}
