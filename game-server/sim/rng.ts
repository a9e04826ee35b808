/** A seeded PRNG (mulberry32) whose whole state is one uint32 kept in the world. */

/** Advances `state` and returns [next state, uniform float in [0, 1)]. */
export function nextRandom(state: number): [number, number] {
  const s = (state + 0x6d2b79f5) >>> 0;
  let t = s;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [s, ((t ^ (t >>> 14)) >>> 0) / 4294967296];
}

/** A generator over nextRandom for code outside the world (bots' rooms, tests, load generators). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    const [next, value] = nextRandom(state);
    state = next;
    return value;
  };
}
