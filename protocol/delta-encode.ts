/** Delta encoding of one tick's state against a baseline the client holds (see PROTOCOL.md §4.2). */
import type { EntityLayout, WireEntity, WireState } from './wire-state.js';
import { PLAYER_LAYOUT, PROJECTILE_LAYOUT } from './wire-state.js';

/** [changes, added]: the delta of one entity list. */
export type EntityDelta = readonly [changes: readonly number[], added: readonly WireEntity[]];

/** Builds the motion-field lookup of a layout: index -> motion index, or -1. */
function motionTable(layout: EntityLayout): Int8Array {
  const t = new Int8Array(layout.length).fill(-1);
  for (const [pos, mot] of layout.motion) t[pos] = mot;
  return t;
}
/** Motion lookup of players. */
export const PLAYER_MOTION = motionTable(PLAYER_LAYOUT);
/** Motion lookup of projectiles. */
export const PROJECTILE_MOTION = motionTable(PROJECTILE_LAYOUT);

function isStill(e: WireEntity, motion: Int8Array): boolean {
  for (let f = 1; f < e.length; f++) {
    const m = motion[f] as number;
    if (m >= 0 && e[m] !== 0) return false;
  }
  return true;
}

/** The residuals of one entity, between computing them and appending them after its mask. */
const residuals: number[] = [0, 0, 0, 0, 0, 0, 0, 0];

/**
 * Encodes `cur` against `base` (both sorted by id) into `changes` from index 0 and onto the end of
 * `added`: skip runs, removals, masked residuals, then additions. Returns where the changes end.
 * The caller owns (and may reuse) both arrays: writing `changes` over from index 0, rather than
 * emptying it, keeps its backing store (emptying an array frees it).
 */
export function diffEntities(
  base: readonly WireEntity[],
  cur: readonly WireEntity[],
  age: number,
  motion: Int8Array,
  changes: number[],
  added: WireEntity[],
): number {
  let k = 0;
  let skip = 0;
  let j = 0;
  for (let i = 0; i < base.length; i++) {
    const b = base[i] as WireEntity;
    let c = cur[j];
    while (c !== undefined && (c[0] as number) < (b[0] as number)) {
      added.push(c);
      c = cur[++j];
    }
    if (c === undefined || c[0] !== b[0]) {
      if (skip > 0) changes[k++] = -skip;
      skip = 0;
      changes[k++] = 0;
      continue;
    }
    j++;
    // The same tuple object is unchanged only if it does not move (a moving entity is predicted elsewhere).
    if (c === b && isStill(b, motion)) {
      skip++;
      continue;
    }
    // Mask and residuals in one pass (a field changed iff its residual is non-zero: all are integers).
    let mask = 0;
    let n = 0;
    for (let f = 1; f < c.length; f++) {
      const m = motion[f] as number;
      const d =
        m >= 0
          ? (c[f] as number) - ((b[f] as number) + (c[m] as number) * age)
          : (c[f] as number) - (b[f] as number);
      if (d !== 0) {
        mask |= 1 << (f - 1);
        residuals[n++] = d;
      }
    }
    if (mask === 0) {
      skip++;
      continue;
    }
    if (skip > 0) changes[k++] = -skip;
    skip = 0;
    changes[k++] = mask;
    for (let r = 0; r < n; r++) changes[k++] = residuals[r] as number;
  }
  while (j < cur.length) added.push(cur[j++] as WireEntity);
  return k;
}

/**
 * Writes the residuals of the round triple against the baseline's into `out` from index 0: mask,
 * then non-zero differences. Returns where they end.
 */
export function diffRound(base: readonly number[], cur: readonly number[], out: number[]): number {
  let k = 1;
  let mask = 0;
  for (let f = 0; f < 3; f++) {
    const d = (cur[f] as number) - (base[f] as number);
    if (d !== 0) {
      mask |= 1 << f;
      out[k++] = d;
    }
  }
  out[0] = mask;
  return k;
}

/** The baseAge of a frame for `cur` against `base`: 0 for a full frame (base is EMPTY_STATE). */
export function baseAge(base: WireState, cur: WireState): number {
  return base.tick === 0 ? 0 : cur.tick - base.tick;
}
