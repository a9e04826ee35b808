/** Turning a wished direction into the 8-way key bitmask a keyboard can hold, and angle helpers. */
import { keysForSector } from '../../protocol/index.js';

/**
 * 8-way movement keys for the direction (dx, dy) (y grows downwards); 0 for no direction. With the
 * default `dither` of 0.5 the nearest of the 8 directions; a dither varying over [0, 1) from tick to
 * tick alternates the two nearest ones so that on average the walk follows (dx, dy) exactly.
 */
export function keysToward(dx: number, dy: number, dither = 0.5): number {
  if (dx === 0 && dy === 0) return 0;
  const s = Math.atan2(dy, dx) / (Math.PI / 4);
  const lower = Math.floor(s);
  const sector = s - lower > dither ? lower + 1 : lower;
  return keysForSector(sector);
}

/** `rad` wrapped into (-PI, PI]. */
export function wrapAngle(rad: number): number {
  const w = Math.atan2(Math.sin(rad), Math.cos(rad));
  return w === -Math.PI ? Math.PI : w;
}

/** Turns `from` toward `to` by at most `maxStep` rad the short way round. */
export function turnToward(from: number, to: number, maxStep: number): number {
  const diff = wrapAngle(to - from);
  if (Math.abs(diff) <= maxStep) return wrapAngle(to);
  return wrapAngle(from + Math.sign(diff) * maxStep);
}
