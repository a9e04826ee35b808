/** Pure math of the virtual sticks: finger offset -> stick vector -> movement keys, aim angle and fire. */
import { keysForSector } from '../../protocol/index.js';

/** Below this share of the stick radius the move stick sends no keys. */
export const MOVE_DEAD_ZONE = 0.25;
/** Below this share the aim stick keeps its last angle (a resting thumb does not jitter the aim). */
export const AIM_DEAD_ZONE = 0.15;
/** Beyond this share the aim stick also fires. */
export const FIRE_THRESHOLD = 0.55;

/** A stick's deflection: components and length in stick radii (length at most 1), angle in rad (y down). */
export interface StickVector {
  readonly x: number;
  readonly y: number;
  readonly magnitude: number;
  readonly angleRad: number;
}

/** A stick at rest. */
export const STICK_AT_REST: StickVector = Object.freeze({ x: 0, y: 0, magnitude: 0, angleRad: 0 });

/** The deflection of a stick whose centre is (ox, oy) when the finger is at (px, py), clamped to `radiusPx`. */
export function stickVector(ox: number, oy: number, px: number, py: number, radiusPx: number): StickVector {
  const dx = px - ox;
  const dy = py - oy;
  const len = Math.hypot(dx, dy);
  if (!(radiusPx > 0) || !Number.isFinite(len) || len === 0) return STICK_AT_REST;
  const magnitude = Math.min(1, len / radiusPx);
  return { x: (dx / len) * magnitude, y: (dy / len) * magnitude, magnitude, angleRad: Math.atan2(dy, dx) };
}

/** Movement keys for the move stick: one of 8 directions (45 degree sectors), none inside the dead zone. */
export function stickToKeys(v: StickVector, deadZone = MOVE_DEAD_ZONE): number {
  if (v.magnitude < deadZone || v.magnitude === 0) return 0;
  const sector = Math.round(v.angleRad / (Math.PI / 4));
  return keysForSector(sector);
}

/** Aim and fire from the aim stick: keeps `previousAimRad` inside the dead zone, fires beyond the threshold. */
export function stickToAim(
  v: StickVector,
  previousAimRad: number,
  fireThreshold = FIRE_THRESHOLD,
  deadZone = AIM_DEAD_ZONE,
): { readonly aimRad: number; readonly aiming: boolean; readonly fire: boolean } {
  const aiming = v.magnitude >= deadZone && v.magnitude > 0;
  return { aimRad: aiming ? v.angleRad : previousAimRad, aiming, fire: v.magnitude >= fireThreshold };
}

/** Where to draw the knob relative to the stick centre, in px. */
export function knobOffset(v: StickVector, radiusPx: number): { readonly x: number; readonly y: number } {
  return { x: v.x * radiusPx, y: v.y * radiusPx };
}

/** One input source's held state, as `Controls` exposes it. */
export interface HeldSource {
  readonly keys: number;
  readonly aimRad: number;
}

/**
 * Keyboard/mouse and touch together: keys are combined (either can move or fire) and the touch aim
 * wins while the aim stick is deflected, so a tablet with a keyboard still works.
 */
export function mergeHeld(pointer: HeldSource, touch: HeldSource & { readonly aiming: boolean }): HeldSource {
  return { keys: pointer.keys | touch.keys, aimRad: touch.aiming ? touch.aimRad : pointer.aimRad };
}
