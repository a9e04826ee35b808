/** Pickups in the world: taking them (health, power-up), bringing them back, and their wire form. */
import {
  EventKind,
  type GameEvent,
  HEALTH_PICKUP_HP,
  PICKUP_RADIUS_PX,
  type PickupEntry,
  PickupKind,
  type PickupKindCode,
  type PickupPoint,
  PLAYER_MAX_HP,
} from '../../protocol/index.js';
import type { SimPlayer, World } from './world.js';

export type { PickupPoint };

/** A pickup point in a world; `readyTick` 0 means it is available now. */
export interface SimPickup {
  readonly id: number;
  readonly kind: PickupKindCode;
  readonly x: number;
  readonly y: number;
  /** 0 when available, else the tick at which it comes back. */
  readyTick: number;
}

/** True if `p` would take a pickup of `kind` (a full-health player leaves health packs for others). */
function wants(p: SimPlayer, kind: PickupKindCode): boolean {
  return kind !== PickupKind.Health || p.hp < PLAYER_MAX_HP;
}

function take(world: World, p: SimPlayer, pk: SimPickup, events: GameEvent[]): void {
  if (pk.kind === PickupKind.Health) {
    p.hp = Math.min(PLAYER_MAX_HP, p.hp + HEALTH_PICKUP_HP);
    pk.readyTick = world.tick + world.timing.healthRespawnTicks;
  } else {
    p.poweredUntilTick = world.tick + world.timing.powerUpTicks;
    pk.readyTick = world.tick + world.timing.powerUpRespawnTicks;
  }
  world.pickupsVersion += 1;
  events.push([EventKind.PickupTaken, p.id, pk.id, pk.kind]);
}

/**
 * Brings back pickups whose delay is over, then lets living players take available ones they
 * touch: pickups in id order, the first player in join order within reach wins.
 */
export function stepPickups(world: World, events: GameEvent[]): void {
  const reach2 = PICKUP_RADIUS_PX * PICKUP_RADIUS_PX;
  for (const pk of world.pickups) {
    if (pk.readyTick !== 0 && world.tick >= pk.readyTick) {
      pk.readyTick = 0;
      world.pickupsVersion += 1;
    }
    if (pk.readyTick !== 0) continue;
    for (const p of world.players.values()) {
      if (!p.alive || !wants(p, pk.kind) || (p.x - pk.x) ** 2 + (p.y - pk.y) ** 2 > reach2) continue;
      take(world, p, pk, events);
      break;
    }
  }
}

/** Makes every pickup available again and ends every power-up (a new round starts even). */
export function resetPickups(world: World): void {
  for (const p of world.players.values()) p.poweredUntilTick = 0;
  if (world.pickups.every((pk) => pk.readyTick === 0)) return;
  for (const pk of world.pickups) pk.readyTick = 0;
  world.pickupsVersion += 1;
}

/** True while `p` has a power-up. */
export function isPoweredUp(world: World, p: SimPlayer): boolean {
  return world.tick < p.poweredUntilTick;
}

/** Every pickup point as [id, kind, x, y, available] (x, y in px). */
export function snapshotPickups(world: World): PickupEntry[] {
  return world.pickups.map((pk) => [pk.id, pk.kind, pk.x, pk.y, pk.readyTick === 0 ? 1 : 0]);
}
