/** The arena: its size, walls and spawn points. Static and shared, so both sides collide alike. */

/** An axis-aligned wall: top-left corner and size, in px. */
export interface Wall {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** A playing field: bounds, solid walls and where players appear. */
export interface Arena {
  readonly width: number;
  readonly height: number;
  readonly walls: readonly Wall[];
  readonly spawns: readonly { readonly x: number; readonly y: number }[];
}

const wall = (x: number, y: number, w: number, h: number): Wall => ({ x, y, w, h });

/** The standard arena (ArenaId.Standard): 2000 x 2000 px, point-symmetric about its centre. */
export const ARENA: Arena = Object.freeze({
  width: 2000,
  height: 2000,
  walls: Object.freeze([
    wall(900, 900, 200, 200),
    // corner L-shapes
    wall(400, 400, 240, 40),
    wall(400, 400, 40, 240),
    wall(1360, 400, 240, 40),
    wall(1560, 400, 40, 240),
    wall(400, 1560, 240, 40),
    wall(400, 1360, 40, 240),
    wall(1360, 1560, 240, 40),
    wall(1560, 1360, 40, 240),
    // edge pillars
    wall(960, 250, 80, 160),
    wall(960, 1590, 80, 160),
    wall(250, 960, 160, 80),
    wall(1590, 960, 160, 80),
    // crates around the centre
    wall(950, 650, 100, 60),
    wall(950, 1290, 100, 60),
    wall(650, 950, 60, 100),
    wall(1290, 950, 60, 100),
  ]),
  spawns: Object.freeze([
    { x: 120, y: 120 },
    { x: 1880, y: 120 },
    { x: 120, y: 1880 },
    { x: 1880, y: 1880 },
    { x: 1000, y: 120 },
    { x: 1000, y: 1880 },
    { x: 120, y: 1000 },
    { x: 1880, y: 1000 },
    { x: 700, y: 700 },
    { x: 1300, y: 700 },
    { x: 700, y: 1300 },
    { x: 1300, y: 1300 },
  ]),
});
