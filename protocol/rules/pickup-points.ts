/** Where pickups lie in each arena: fixed points, the same in every room of that arena. */

import { PickupKind, type PickupKindCode } from '../messages.js';
import { ARENA } from './arena.js';
import { ArenaId } from './arenas.js';

/** A pickup point: its kind and position (px). */
export interface PickupPoint {
  readonly kind: PickupKindCode;
  readonly x: number;
  readonly y: number;
}

/** A player takes a pickup when its centre comes within this many px of the point. */
export const PICKUP_RADIUS_PX = 32;
/** Hit points a health pack restores (up to PLAYER_MAX_HP). */
export const HEALTH_PICKUP_HP = 50;
/** A powered-up player's shots do this many times the damage. */
export const POWER_UP_DAMAGE_FACTOR = 2;

const point = (kind: PickupKindCode, x: number, y: number): PickupPoint => Object.freeze({ kind, x, y });

/** The standard arena: four health packs on the axes, two power-ups near the centre (point-symmetric, clear of walls). */
export const STANDARD_PICKUPS: readonly PickupPoint[] = Object.freeze([
  point(PickupKind.Health, 1000, 530),
  point(PickupKind.Health, 1470, 1000),
  point(PickupKind.Health, 1000, 1470),
  point(PickupKind.Health, 530, 1000),
  point(PickupKind.PowerUp, 1180, 820),
  point(PickupKind.PowerUp, 820, 1180),
]);

/** The large arena's points: the standard ones in each of its 3 x 3 tiles, row by row. */
export const LARGE_PICKUPS: readonly PickupPoint[] = Object.freeze(
  [0, 1, 2].flatMap((ty) =>
    [0, 1, 2].flatMap((tx) =>
      STANDARD_PICKUPS.map((p) => point(p.kind, p.x + tx * ARENA.width, p.y + ty * ARENA.height)),
    ),
  ),
);

/** The pickup points of arena `id` (pickup ids are 1 + the index in this list). */
export function pickupPointsFor(id: number | undefined): readonly PickupPoint[] {
  return id === ArenaId.Large ? LARGE_PICKUPS : STANDARD_PICKUPS;
}
