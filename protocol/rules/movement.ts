/** Deterministic player movement: the same inputs give bit-identical positions on server and client. */
import { ANGLE_SCALE, Key, PLAYER_RADIUS_PX, PLAYER_SPEED_PX_S, POSITION_SCALE } from '../constants.js';
import type { Arena } from './arena.js';

/** A position in px. */
export interface Point {
  x: number;
  y: number;
}

/** Snaps a coordinate to the wire grid (1/POSITION_SCALE px), so what is sent is exactly what is simulated. */
export function quantize(v: number): number {
  return Math.round(v * POSITION_SCALE) / POSITION_SCALE;
}

/** Wire angle units to radians. */
export function angleFromWire(aim: number): number {
  return aim / ANGLE_SCALE;
}

/** Radians (any value) to wire angle units within +-PI. */
export function angleToWire(rad: number): number {
  const wrapped = Math.atan2(Math.sin(rad), Math.cos(rad));
  return Math.round(wrapped * ANGLE_SCALE);
}

// Players collide with walls as squares of half-size PLAYER_RADIUS_PX, one axis at a time,
// which lets them slide along walls. Wall coordinates are integers, so push-outs stay on the grid.
// Indexed loops and no objects: this runs for every player on every tick of every room.
function resolveAxis(p: Point, arena: Arena, alongX: boolean, delta: number): void {
  const r = PLAYER_RADIUS_PX;
  const walls = arena.walls;
  // Moving along x leaves y fixed, so only the walls of y's band can overlap (and vice versa).
  const near = wallsAcross(wallBandsFor(arena), alongX, alongX ? p.y : p.x);
  for (let k = 0; k < near.length; k++) {
    const w = walls[near[k] as number] as Arena['walls'][number];
    // Where a hit would put p, worked out for every wall of the band (a few additions): the first
    // collision of a game (or in a new direction) then runs no arithmetic the JIT has not seen yet,
    // which would deoptimize the tick around it.
    const to = delta > 0 ? (alongX ? w.x : w.y) - r : (alongX ? w.x + w.w : w.y + w.h) + r;
    if (p.x + r <= w.x || p.x - r >= w.x + w.w || p.y + r <= w.y || p.y - r >= w.y + w.h) continue;
    if (alongX) p.x = to;
    else p.y = to;
  }
}

/** Width (px) of the bands walls are sorted into for resolveAxis. */
const BAND_PX = 64;

/**
 * An arena's walls by band: per band of rows (y) or columns (x), the indices of the walls a player
 * whose y (or x) lies in it can overlap, in arena order (push-outs depend on the order), and every
 * index for a coordinate outside the bands. A broad phase only: the exact test still runs on each.
 */
interface WallBands {
  readonly byRow: readonly Int32Array[];
  readonly byCol: readonly Int32Array[];
  readonly all: Int32Array;
}

/** Most bands of one axis (a 65 536 px arena); real arenas have a few dozen. */
const MAX_BANDS = 1024;

/**
 * The bands of rows (`byRow`: by y) or of columns (by x) of `walls` across `extent` px. None for an
 * extent that is not finite or spans more than MAX_BANDS bands: the loop below would never end or
 * build a band per 64 px of a huge arena, and with no bands every coordinate gets every wall.
 */
function buildBands(walls: Arena['walls'], extent: number, byRow: boolean): Int32Array[] {
  const bands: Int32Array[] = [];
  if (!Number.isFinite(extent) || extent > MAX_BANDS * BAND_PX) return bands;
  // One px of slack beyond the player's reach: rounding can never leave out a wall that touches.
  const reach = PLAYER_RADIUS_PX + 1;
  for (let b = 0; b * BAND_PX < extent; b++) {
    const from = b * BAND_PX - reach;
    const to = (b + 1) * BAND_PX + reach;
    const ids: number[] = [];
    walls.forEach((w, i) => {
      const lo = byRow ? w.y : w.x;
      const hi = byRow ? w.y + w.h : w.x + w.w;
      if (lo < to && hi > from) ids.push(i);
    });
    bands.push(Int32Array.from(ids));
  }
  return bands;
}

/** The walls of the row band (or column band) holding coordinate `v`; all of them when none does. */
function wallsAcross(bands: WallBands, byRow: boolean, v: number): Int32Array {
  const list = byRow ? bands.byRow : bands.byCol;
  const b = Math.floor(v / BAND_PX);
  return b >= 0 && b < list.length ? (list[b] as Int32Array) : bands.all;
}

// Built once per arena: arenas are constants, never changed once in use.
const bandsByArena = new WeakMap<Arena, WallBands>();
// The arena of the previous call: rooms step all their players in a row, so this nearly always hits.
let lastArena: Arena | undefined;
let lastBands: WallBands = { byRow: [], byCol: [], all: new Int32Array(0) };

/** The wall bands of `arena`, built on first use. */
function wallBandsFor(arena: Arena): WallBands {
  if (arena === lastArena) return lastBands;
  let bands = bandsByArena.get(arena);
  if (!bands) {
    const { walls } = arena;
    bands = {
      byRow: buildBands(walls, arena.height, true),
      byCol: buildBands(walls, arena.width, false),
      all: Int32Array.from(walls.keys()),
    };
    bandsByArena.set(arena, bands);
  }
  lastArena = arena;
  lastBands = bands;
  return bands;
}

const SECTOR_KEYS: readonly number[] = [
  Key.Right,
  Key.Right | Key.Down,
  Key.Down,
  Key.Down | Key.Left,
  Key.Left,
  Key.Left | Key.Up,
  Key.Up,
  Key.Up | Key.Right,
];

/**
 * The held keys that move toward eighth `sector` of the circle (0 = +x, 2 = +y i.e. down on screen;
 * any integer, taken modulo 8): the inverse of the direction stepPlayer moves, for sticks and bots.
 */
export function keysForSector(sector: number): number {
  return SECTOR_KEYS[((sector % 8) + 8) % 8] ?? 0;
}

/**
 * Moves `p` in place for one tick of `dtS` seconds with `keys` held (allocation-free, for the server's
 * tick); `movePlayer` is the same step on a copy.
 */
export function stepPlayer(p: Point, keys: number, dtS: number, arena: Arena): void {
  let dx = (keys & Key.Right ? 1 : 0) - (keys & Key.Left ? 1 : 0);
  let dy = (keys & Key.Down ? 1 : 0) - (keys & Key.Up ? 1 : 0);
  if (dx !== 0 && dy !== 0) {
    dx *= Math.SQRT1_2;
    dy *= Math.SQRT1_2;
  }
  const step = PLAYER_SPEED_PX_S * dtS;
  const r = PLAYER_RADIUS_PX;
  if (dx !== 0) {
    p.x = Math.min(arena.width - r, Math.max(r, p.x + dx * step));
    resolveAxis(p, arena, true, dx);
  }
  if (dy !== 0) {
    p.y = Math.min(arena.height - r, Math.max(r, p.y + dy * step));
    resolveAxis(p, arena, false, dy);
  }
  p.x = quantize(p.x);
  p.y = quantize(p.y);
}

/** Moves a player from `from` for one tick of `dtS` seconds with `keys` held; returns the new position. */
export function movePlayer(from: Point, keys: number, dtS: number, arena: Arena): Point {
  const p = { x: from.x, y: from.y };
  stepPlayer(p, keys, dtS, arena);
  return p;
}
