/** What of a world's state is read out for the wire besides positions: player flags and the round. */
import { PlayerFlag, type RoundSnapshot } from '../../protocol/index.js';
import { msFor } from './match-timing.js';
import { isPoweredUp } from './pickups.js';
import type { SimPlayer, World } from './world.js';

// The flags as module constants: a branch taken for the first time mid-game (the first power-up)
// then reads no property it has never read, which would deoptimize the State encoder around it.
const ALIVE = PlayerFlag.Alive;
const PROTECTED = PlayerFlag.Protected;
const POWERED_UP = PlayerFlag.PoweredUp;

/** A player's PlayerFlag bits: alive, spawn-protected, powered up. */
export function playerFlags(world: World, p: SimPlayer): number {
  return (
    (p.alive ? ALIVE : 0) |
    (world.tick < p.protectedUntilTick ? PROTECTED : 0) |
    (p.alive && isPoweredUp(world, p) ? POWERED_UP : 0)
  );
}

/** Round phase, ms left in it, and the round number. */
export function snapshotRound(world: World): RoundSnapshot {
  const ticksLeft = Math.max(0, world.round.phaseEndTick - world.tick);
  return [world.round.phase, msFor(ticksLeft, world.timing.tickHz), world.round.number];
}
