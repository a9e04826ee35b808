import { describe, expect, it } from 'vitest';
import { buildWallGrid, wallsNear } from '../../game-server/sim/wall-grid.js';
import { ArenaId, arenaById, PROJECTILE_RADIUS_PX, segmentHitsWall } from '../../protocol/index.js';

/** Earliest wall hit of a segment over the given wall indices (Infinity: none). */
function earliest(arena: ReturnType<typeof arenaById>, idx: readonly number[], s: readonly number[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (const i of idx) {
    const t = segmentHitsWall(s[0]!, s[1]!, s[2]!, s[3]!, arena.walls[i]!, PROJECTILE_RADIUS_PX);
    if (t >= 0 && t < best) best = t;
  }
  return best;
}

describe('wall grid broad phase', () => {
  for (const id of [ArenaId.Standard, ArenaId.Large]) {
    it(`finds the same earliest wall hit as testing every wall (arena ${id})`, () => {
      const arena = arenaById(id);
      const grid = buildWallGrid(arena, PROJECTILE_RADIUS_PX);
      const all = arena.walls.map((_, i) => i);
      let seed = 12345;
      const rnd = () => {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        return seed / 2 ** 32;
      };
      let hits = 0;
      for (let k = 0; k < 20000; k++) {
        const x0 = rnd() * (arena.width + 100) - 50;
        const y0 = rnd() * (arena.height + 100) - 50;
        const a = rnd() * 2 * Math.PI;
        const len = k % 10 === 0 ? rnd() * 400 : 30;
        const s = [x0, y0, x0 + Math.cos(a) * len, y0 + Math.sin(a) * len];
        const want = earliest(arena, all, s);
        if (want !== Number.POSITIVE_INFINITY) hits++;
        expect(earliest(arena, wallsNear(grid, s[0]!, s[1]!, s[2]!, s[3]!), s)).toBe(want);
      }
      expect(hits).toBeGreaterThan(100);
    });
  }

  it('returns each wall at most once per query', () => {
    const arena = arenaById(ArenaId.Large);
    const grid = buildWallGrid(arena, PROJECTILE_RADIUS_PX);
    const found = [...wallsNear(grid, 0, 0, arena.width, arena.height)];
    expect(new Set(found).size).toBe(found.length);
    expect(found.length).toBe(arena.walls.length);
  });
});
