/** The state a State frame describes, in wire units, and the layout of its entity tuples. */
import type { RoundSnapshot } from './messages.js';

/**
 * [id, x, y, angle, hp, flags, mx, my]: x/y in 1/POSITION_SCALE px, angle in 1/ANGLE_SCALE rad;
 * mx/my is the player's displacement over its last tick (1/POSITION_SCALE px), a delta predictor.
 */
export type WirePlayer = readonly [
  id: number,
  x: number,
  y: number,
  angle: number,
  hp: number,
  flags: number,
  mx: number,
  my: number,
];

/** [id, ownerId, x, y, vx, vy, mx, my]: vx/vy in px/s, mx/my the displacement per tick (1/POSITION_SCALE px). */
export type WireProjectile = readonly [
  id: number,
  ownerId: number,
  x: number,
  y: number,
  vx: number,
  vy: number,
  mx: number,
  my: number,
];

/** Any entity tuple: element 0 is the id, the rest are integers. */
export type WireEntity = readonly number[];

/** Where an entity kind keeps its predicted positions: [positionIndex, motionIndex] pairs. */
export interface EntityLayout {
  readonly length: number;
  readonly motion: readonly (readonly [position: number, motion: number])[];
}

/** Players: x (1) moves by mx (6), y (2) by my (7). */
export const PLAYER_LAYOUT: EntityLayout = Object.freeze({
  length: 8,
  motion: Object.freeze([Object.freeze([1, 6] as const), Object.freeze([2, 7] as const)]),
});
/** Projectiles: x (2) moves by mx (6), y (3) by my (7). */
export const PROJECTILE_LAYOUT: EntityLayout = Object.freeze({
  length: 8,
  motion: Object.freeze([Object.freeze([2, 6] as const), Object.freeze([3, 7] as const)]),
});

/** One tick's complete state as the delta codec sees it; entity lists are sorted by id, ascending. */
export interface WireState {
  readonly tick: number;
  readonly serverTime: number;
  readonly players: readonly WirePlayer[];
  readonly projectiles: readonly WireProjectile[];
  readonly round: RoundSnapshot;
}

/** The implicit baseline of a full State frame (baseAge 0): nothing, at time 0. */
export const EMPTY_STATE: WireState = Object.freeze({
  tick: 0,
  serverTime: 0,
  players: Object.freeze([]) as readonly WirePlayer[],
  projectiles: Object.freeze([]) as readonly WireProjectile[],
  round: Object.freeze([0, 0, 0]) as unknown as WireState['round'],
});
