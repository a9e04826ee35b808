/** A uniform-grid broad phase for projectiles × walls: only walls near a segment are swept-tested. */
import type { Arena } from '../../protocol/index.js';

/** Side of a grid cell in px (a projectile moves 30 px a tick at 30 Hz, so a query touches 1-4 cells). */
export const WALL_CELL_PX = 128;

/** The walls of one arena by cell, each grown by the pad the queries use. */
export interface WallGrid {
  readonly pad: number;
  readonly cols: number;
  readonly rows: number;
  /** Indices into arena.walls, per cell (row-major). */
  readonly cells: readonly (readonly number[])[];
  /** Per wall, the query that last returned it (dedupes walls spanning several cells). */
  readonly seen: Int32Array;
  query: number;
  /** The result buffer of wallsNear. */
  readonly found: number[];
}

const cellOf = (v: number, n: number): number => Math.min(n - 1, Math.max(0, Math.floor(v / WALL_CELL_PX)));

/** Buckets `arena`'s walls, each grown by `pad`, into cells; a wall outside the arena lands on edge cells. */
export function buildWallGrid(arena: Arena, pad: number): WallGrid {
  const cols = Math.max(1, Math.ceil(arena.width / WALL_CELL_PX));
  const rows = Math.max(1, Math.ceil(arena.height / WALL_CELL_PX));
  const cells: number[][] = Array.from({ length: cols * rows }, () => []);
  arena.walls.forEach((w, i) => {
    for (let r = cellOf(w.y - pad, rows); r <= cellOf(w.y + w.h + pad, rows); r++)
      for (let c = cellOf(w.x - pad, cols); c <= cellOf(w.x + w.w + pad, cols); c++)
        cells[r * cols + c]!.push(i);
  });
  return { pad, cols, rows, cells, seen: new Int32Array(arena.walls.length), query: 0, found: [] };
}

const grids = new WeakMap<Arena, WallGrid>();

/** The grid of `arena` for `pad`, built once per arena (arenas are frozen constants). */
export function wallGridFor(arena: Arena, pad: number): WallGrid {
  let g = grids.get(arena);
  if (!g || g.pad !== pad) {
    g = buildWallGrid(arena, pad);
    grids.set(arena, g);
  }
  return g;
}

/**
 * Indices of every wall whose padded box may overlap the box of segment (x0,y0)->(x1,y1), each once:
 * a superset of the walls the segment can hit, so the earliest hit over them is exact. The array is
 * reused by the next query (or is the grid's own cell list): read it before the next query, never change it.
 */
export function wallsNear(g: WallGrid, x0: number, y0: number, x1: number, y1: number): readonly number[] {
  const c0 = cellOf(Math.min(x0, x1), g.cols);
  const c1 = cellOf(Math.max(x0, x1), g.cols);
  const r0 = cellOf(Math.min(y0, y1), g.rows);
  const r1 = cellOf(Math.max(y0, y1), g.rows);
  // Most segments (30 px against 128 px cells) lie in one cell, whose list already holds each wall once.
  if (c0 === c1 && r0 === r1) return g.cells[r0 * g.cols + c0]!;
  const out = g.found;
  out.length = 0;
  g.query = (g.query + 1) | 0;
  if (g.query === 0) {
    g.seen.fill(0);
    g.query = 1;
  }
  const q = g.query;
  for (let r = r0; r <= r1; r++) {
    for (let c = c0; c <= c1; c++) {
      for (const i of g.cells[r * g.cols + c]!) {
        if (g.seen[i] === q) continue;
        g.seen[i] = q;
        out.push(i);
      }
    }
  }
  return out;
}
