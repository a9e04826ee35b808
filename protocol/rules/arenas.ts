/** The arenas a room can be played in, by the id Welcome announces. */
import { ARENA, type Arena, type Wall } from './arena.js';

/** Arena ids on the wire (Welcome's arenaId field). */
export const ArenaId = { Standard: 1, Large: 2 } as const;

const TILES = 3;

function tiled(base: Arena, n: number): Arena {
  const walls: Wall[] = [];
  const spawns: { x: number; y: number }[] = [];
  for (let ty = 0; ty < n; ty++) {
    for (let tx = 0; tx < n; tx++) {
      const ox = tx * base.width;
      const oy = ty * base.height;
      for (const w of base.walls) walls.push(Object.freeze({ x: w.x + ox, y: w.y + oy, w: w.w, h: w.h }));
      for (const s of base.spawns) spawns.push(Object.freeze({ x: s.x + ox, y: s.y + oy }));
    }
  }
  return Object.freeze({
    width: base.width * n,
    height: base.height * n,
    walls: Object.freeze(walls),
    spawns: Object.freeze(spawns),
  });
}

/**
 * The large arena for big rooms (up to MAX_PLAYERS_LARGE_ROOM): 6000 x 6000 px, the standard arena
 * tiled 3 x 3 (153 walls, 108 spawn points), played with interest management.
 */
export const ARENA_LARGE: Arena = tiled(ARENA, TILES);

/** Most players a large-arena room may hold. */
export const MAX_PLAYERS_LARGE_ROOM = 100;

/** The arena with wire id `id`; the standard arena for unknown ids (older servers send none). */
export function arenaById(id: number | undefined): Arena {
  return id === ArenaId.Large ? ARENA_LARGE : ARENA;
}
