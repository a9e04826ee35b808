/** The workload's per-client input stream: sticky random keys, fire, and a drifting aim. */
import { createPrng } from './prng.js';

/** Key bits of the workload (same values as Tickfire's protocol). */
export const KEY_UP = 1;
export const KEY_DOWN = 2;
export const KEY_LEFT = 4;
export const KEY_RIGHT = 8;
export const KEY_FIRE = 16;

/** One input of a client: held keys and aim in float radians within [-PI, PI). */
export interface PatternInput {
  keys: number;
  aim: number;
}

const TWO_PI = Math.PI * 2;

/** Wraps an angle into [-PI, PI). */
export function wrapAngle(a: number): number {
  return a - TWO_PI * Math.floor((a + Math.PI) / TWO_PI);
}

/**
 * Returns the next-input function of client `index`: with probability 0.1 the keys become a
 * random subset of the 4 directions plus fire with probability 0.2; aim drifts by U(-0.1, 0.1).
 */
export function createInputPattern(index: number): () => PatternInput {
  const rand = createPrng(0x9e3779b9 ^ Math.imul(index + 1, 0x85ebca6b));
  const state: PatternInput = { keys: 0, aim: wrapAngle(rand() * TWO_PI) };
  return () => {
    if (rand() < 0.1) {
      let keys = Math.floor(rand() * 16);
      if (rand() < 0.2) keys |= KEY_FIRE;
      state.keys = keys;
    }
    state.aim = wrapAngle(state.aim + (rand() * 0.2 - 0.1));
    return state;
  };
}
