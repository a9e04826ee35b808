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

function predicted(base: WireEntity, cur: WireEntity, f: number, age: number, motion: Int8Array): number {
  const m = motion[f] as number;
  return m >= 0 ? (base[f] as number) + (cur[m] as number) * age : (base[f] as number);
}

function isStill(e: WireEntity, motion: Int8Array): boolean {
  for (let f = 1; f < e.length; f++) {
    const m = motion[f] as number;
    if (m >= 0 && e[m] !== 0) return false;
  }
  return true;
}

/** Bit (f - 1) set for every field f of `cur` that differs from its prediction from `base`. */
function changeMask(base: WireEntity, cur: WireEntity, age: number, motion: Int8Array): number {
  let mask = 0;
  for (let f = 1; f < cur.length; f++) {
    if (cur[f] !== predicted(base, cur, f, age, motion)) mask |= 1 << (f - 1);
  }
  return mask;
}

/**
 * Encodes `cur` against `base` (both sorted by id) onto the end of `changes` and `added`: skip runs,
 * removals, masked residuals, then additions. The caller owns (and may reuse) both arrays.
 */
export function diffEntities(
  base: readonly WireEntity[],
  cur: readonly WireEntity[],
  age: number,
  motion: Int8Array,
  changes: number[],
  added: WireEntity[],
): void {
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
      if (skip > 0) changes.push(-skip);
      skip = 0;
      changes.push(0);
      continue;
    }
    j++;
    // The same tuple object is unchanged only if it does not move (a moving entity is predicted elsewhere).
    if (c === b && isStill(b, motion)) {
      skip++;
      continue;
    }
    const mask = changeMask(b, c, age, motion);
    if (mask === 0) {
      skip++;
      continue;
    }
    if (skip > 0) changes.push(-skip);
    skip = 0;
    changes.push(mask);
    for (let f = 1; f < c.length; f++) {
      if (mask & (1 << (f - 1))) changes.push((c[f] as number) - predicted(b, c, f, age, motion));
    }
  }
  while (j < cur.length) added.push(cur[j++] as WireEntity);
}

/** Appends the residuals of the round triple against the baseline's to `out`: mask, then non-zero differences. */
export function diffRound(base: readonly number[], cur: readonly number[], out: number[]): void {
  const at = out.length;
  out.push(0);
  let mask = 0;
  for (let f = 0; f < 3; f++) {
    const d = (cur[f] as number) - (base[f] as number);
    if (d !== 0) {
      mask |= 1 << f;
      out.push(d);
    }
  }
  out[at] = mask;
}

/** The baseAge of a frame for `cur` against `base`: 0 for a full frame (base is EMPTY_STATE). */
export function baseAge(base: WireState, cur: WireState): number {
  return base.tick === 0 ? 0 : cur.tick - base.tick;
}
