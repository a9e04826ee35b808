/** Deterministic PRNG (the simulation's mulberry32) so every bot client replays the same input stream. */
import { createRandom } from '../../game-server/sim/rng.js';

/** Returns a generator of uniform floats in [0, 1) seeded by a 32-bit integer. */
export const createPrng: (seed: number) => () => number = createRandom;
