/** Places worth walking to: the spawn points plus an open grid, and picking one in plain sight. */
import { type Arena, PLAYER_RADIUS_PX } from '../../protocol/index.js';
import type { BotPoint } from './bot-brain.js';
import { botRandom } from './bot-random.js';
import { clearLine } from './line-of-sight.js';

/** Spacing of the grid of wander points. */
export const WAYPOINT_GRID_PX = 200;
/** Clearance kept from walls when walking a straight line (a player's half size plus slack). */
export const WALK_PAD_PX = PLAYER_RADIUS_PX + 6;
const MIN_HOP_PX = 160;

const cache = new WeakMap<Arena, readonly BotPoint[]>();

function isOpen(arena: Arena, x: number, y: number): boolean {
  return arena.walls.every(
    (w) =>
      x < w.x - WALK_PAD_PX ||
      x > w.x + w.w + WALK_PAD_PX ||
      y < w.y - WALK_PAD_PX ||
      y > w.y + w.h + WALK_PAD_PX,
  );
}

/** The wander points of `arena` (computed once per arena object). */
export function waypointsOf(arena: Arena): readonly BotPoint[] {
  const known = cache.get(arena);
  if (known) return known;
  const points: BotPoint[] = [...arena.spawns];
  const half = WAYPOINT_GRID_PX / 2;
  for (let y = half; y < arena.height; y += WAYPOINT_GRID_PX) {
    for (let x = half; x < arena.width; x += WAYPOINT_GRID_PX) if (isOpen(arena, x, y)) points.push({ x, y });
  }
  cache.set(arena, points);
  return points;
}

/**
 * A random wander point reachable in a straight line from `from` and not right next to it, or any
 * random one when none is (the unstick logic then walks around). Returns [next rng, point].
 */
export function pickWaypoint(rng: number, arena: Arena, from: BotPoint): [number, BotPoint] {
  const all = waypointsOf(arena);
  const reachable = all.filter(
    (p) =>
      Math.hypot(p.x - from.x, p.y - from.y) >= MIN_HOP_PX &&
      clearLine(arena, from.x, from.y, p.x, p.y, WALK_PAD_PX),
  );
  const pool = reachable.length > 0 ? reachable : all;
  const [next, r] = botRandom(rng);
  return [next, pool[Math.floor(r * pool.length)] ?? { x: arena.width / 2, y: arena.height / 2 }];
}
