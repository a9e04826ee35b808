/** Seeded randomness for bots, kept as one uint32 in the brain so decisions replay exactly. */
import { nextRandom } from '../sim/rng.js';

/** Returns [next state, uniform float in [0, 1)]. */
export const botRandom = nextRandom;

/** Returns [next state, standard normal sample] (Box-Muller over two uniforms). */
export function botGaussian(state: number): [number, number] {
  const [s1, u1] = nextRandom(state);
  const [s2, u2] = nextRandom(s1);
  return [s2, Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2)];
}
