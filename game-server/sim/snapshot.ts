/** Turns a world into the shared part of a State message (wire units). */
import {
  PlayerFlag,
  type PlayerSnapshot,
  POSITION_SCALE,
  type ProjectileSnapshot,
  type RoundSnapshot,
} from '../../protocol/index.js';
import { isPoweredUp } from './pickups.js';
import type { SimPlayer, World } from './world.js';

/** A player's PlayerFlag bits: alive, spawn-protected, powered up. */
export function playerFlags(world: World, p: SimPlayer): number {
  return (
    (p.alive ? PlayerFlag.Alive : 0) |
    (world.tick < p.protectedUntilTick ? PlayerFlag.Protected : 0) |
    (p.alive && isPoweredUp(world, p) ? PlayerFlag.PoweredUp : 0)
  );
}

/** Every player as [id, x, y, angle, hp, flags] in wire units. */
export function snapshotPlayers(world: World): PlayerSnapshot[] {
  const out: PlayerSnapshot[] = [];
  for (const p of world.players.values()) {
    const flags = playerFlags(world, p);
    out.push([p.id, Math.round(p.x * POSITION_SCALE), Math.round(p.y * POSITION_SCALE), p.aim, p.hp, flags]);
  }
  return out;
}

/** Every projectile as [id, ownerId, x, y, vx, vy] in wire units. */
export function snapshotProjectiles(world: World): ProjectileSnapshot[] {
  return world.projectiles.map((pr) => [
    pr.id,
    pr.ownerId,
    Math.round(pr.x * POSITION_SCALE),
    Math.round(pr.y * POSITION_SCALE),
    pr.vx,
    pr.vy,
  ]);
}

/** Round phase, ms left in it, and the round number. */
export function snapshotRound(world: World): RoundSnapshot {
  const ticksLeft = Math.max(0, world.round.phaseEndTick - world.tick);
  return [world.round.phase, Math.round((ticksLeft * 1000) / world.timing.tickHz), world.round.number];
}
