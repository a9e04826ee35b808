/** Where a shot starts and how fast it flies: the rule the server's fire and the client's predicted shots share. */
import { PLAYER_RADIUS_PX, PROJECTILE_RADIUS_PX, PROJECTILE_SPEED_PX_S } from '../constants.js';
import { angleFromWire, quantize } from './movement.js';

/** A shot's first position (on the wire grid) and its velocity in whole px/s. */
export interface ShotStart {
  readonly x: number;
  readonly y: number;
  readonly vx: number;
  readonly vy: number;
}

/** Shots leave the shooter just clear of its own circle. */
const MUZZLE_PX = PLAYER_RADIUS_PX + PROJECTILE_RADIUS_PX + 1;

/**
 * The shot fired by a player at (`x`, `y`) aiming at wire angle `aim`. Velocities are +0 rather
 * than -0 (the same on the wire), so they stay small integers in the server's objects.
 */
export function shotFrom(x: number, y: number, aim: number): ShotStart {
  const a = angleFromWire(aim);
  const dirX = Math.cos(a);
  const dirY = Math.sin(a);
  return {
    x: quantize(x + dirX * MUZZLE_PX),
    y: quantize(y + dirY * MUZZLE_PX),
    vx: Math.round(dirX * PROJECTILE_SPEED_PX_S) + 0,
    vy: Math.round(dirY * PROJECTILE_SPEED_PX_S) + 0,
  };
}
