/** Fixtures of the simulation and bot tests: a wall-free arena, inputs with rising seqs, stepping a world. */
import { type SimInput, stepWorld, type World } from '../../game-server/sim/index.js';
import type { Arena, GameEvent } from '../../protocol/index.js';

/** A wall-free `width` x `height` arena (2000 x 2000 by default) with `spawns`. */
export function openArena(spawns: Arena['spawns'], width = 2000, height = 2000): Arena {
  return { width, height, walls: [], spawns };
}

let seq = 0;

/** The next input seq (one counter per test file, which runs in its own module instance). */
export const nextSeq = (): number => ++seq;

/** Restarts the seqs at 1, for runs that must repeat exactly. */
export function resetSeq(): void {
  seq = 0;
}

/** An input holding `keys` aimed at `aim` (wire units), with the next seq. */
export const hold = (keys: number, aim = 0): SimInput => ({ seq: nextSeq(), keys, aim });

/**
 * Steps `world` `ticks` times, passing `inputs` on the first `inputTicks` ticks (all by default; the
 * keys stay held after), and returns every event.
 */
export function run(
  world: World,
  ticks: number,
  inputs = new Map<number, SimInput>(),
  inputTicks = ticks,
): GameEvent[] {
  const all: GameEvent[] = [];
  for (let i = 0; i < ticks; i++) all.push(...stepWorld(world, i < inputTicks ? inputs : new Map()));
  return all;
}
