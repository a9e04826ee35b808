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
 * touch: pickups in id order, the first player in join order within reach wins. `players` are the
 * world's players in join order (stepWorld passes the list it already has).
 */
export function stepPickups(world: World, events: GameEvent[], players: readonly SimPlayer[]): void {
  const pickups = world.pickups;
  for (let k = 0; k < pickups.length; k++) {
    const pk = pickups[k] as SimPickup;
    if (pk.readyTick !== 0 && world.tick >= pk.readyTick) {
      pk.readyTick = 0;
      world.pickupsVersion += 1;
    }
    if (pk.readyTick !== 0) continue;
    const p = takerOf(players, pk);
    if (p) take(world, p, pk, events);
  }
}

const REACH2 = PICKUP_RADIUS_PX * PICKUP_RADIUS_PX;

/** The first of `players` alive, within reach of `pk` and wanting it, if any. */
function takerOf(players: readonly SimPlayer[], pk: SimPickup): SimPlayer | undefined {
  for (let i = 0; i < players.length; i++) {
    const p = players[i] as SimPlayer;
    const dx = p.x - pk.x;
    const dy = p.y - pk.y;
    // Distance first: it rules out nearly everyone, and the order of these pure tests does not matter.
    if (dx * dx + dy * dy > REACH2 || !p.alive || !wants(p, pk.kind)) continue;
    return p;
  }
  return undefined;
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
