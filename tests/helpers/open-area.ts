/** Finding a wall-free rectangle in an arena, so tests can place players where nothing blocks them. */
import type { Arena, Point } from '../../protocol/index.js';

/** Margin kept from walls and the arena's edge around the wanted area, in px. */
const CLEARANCE_PX = 24;

/**
 * The top-left corner of the first `w` x `h` area of `arena` (scanning rows) that no wall overlaps,
 * with a clearance; throws if there is none.
 */
export function openArea(arena: Arena, w: number, h: number): Point {
  const c = CLEARANCE_PX;
  for (let y = c; y + h + c <= arena.height; y += 16) {
    for (let x = c; x + w + c <= arena.width; x += 16) {
      const blocked = arena.walls.some(
        (wall) =>
          wall.x < x + w + c && wall.x + wall.w > x - c && wall.y < y + h + c && wall.y + wall.h > y - c,
      );
      if (!blocked) return { x, y };
    }
  }
  throw new Error(`no open ${w} x ${h} area in the arena`);
}
