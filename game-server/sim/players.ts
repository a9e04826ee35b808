/** Joining, leaving and (re)spawning players. */
import { EventKind, PLAYER_MAX_HP, Team, type TeamCode } from '../../protocol/index.js';
import { nextRandom } from './rng.js';
import type { SimPlayer, World } from './world.js';

/** Places `p` at the spawn point farthest from every other living player (ties broken by the world's rng). */
export function spawnPlayer(world: World, p: SimPlayer): void {
  let best: { x: number; y: number }[] = [];
  let bestDist = -1;
  for (const s of world.arena.spawns) {
    let nearest = Number.POSITIVE_INFINITY;
    for (const o of world.players.values()) {
      if (o === p || !o.alive) continue;
      nearest = Math.min(nearest, (o.x - s.x) ** 2 + (o.y - s.y) ** 2);
    }
    if (nearest > bestDist) {
      bestDist = nearest;
      best = [s];
    } else if (nearest === bestDist) best.push(s);
  }
  const [rng, r] = nextRandom(world.rng);
  world.rng = rng;
  const spot = best[Math.floor(r * best.length)] ?? world.arena.spawns[0] ?? { x: 0, y: 0 };
  p.x = spot.x;
  p.y = spot.y;
  p.hp = PLAYER_MAX_HP;
  p.alive = true;
  p.protectedUntilTick = world.tick + world.timing.protectionTicks;
  // The spot's own numbers, not the player's: a position field holds doubles once anyone has moved, and
  // one double makes the tuple a double array, a second array shape for everything that reads events.
  world.pendingEvents.push([EventKind.Spawn, p.id, spot.x, spot.y]);
}

/** How a player joins: its team (team deathmatch) and whether the server runs it. */
export interface JoinAs {
  readonly team?: TeamCode;
  readonly bot?: boolean;
}

/** Adds a player with `id` (unique in the world) and spawns it. */
export function addPlayer(world: World, id: number, name: string, as: JoinAs = {}): SimPlayer {
  const p: SimPlayer = {
    id,
    name,
    x: 0,
    y: 0,
    aim: 0,
    hp: PLAYER_MAX_HP,
    alive: false,
    keys: 0,
    viewLagMs: 0,
    respawnTick: 0,
    protectedUntilTick: 0,
    nextFireTick: 0,
    kills: 0,
    deaths: 0,
    team: as.team ?? Team.None,
    bot: as.bot ?? false,
    poweredUntilTick: 0,
  };
  world.players.set(id, p);
  world.pendingEvents.push([EventKind.Joined, id, name]);
  spawnPlayer(world, p);
  return p;
}

/** Removes a player and its projectiles. */
export function removePlayer(world: World, id: number): void {
  const p = world.players.get(id);
  if (!p) return;
  world.players.delete(id);
  world.projectiles = world.projectiles.filter((pr) => pr.ownerId !== id);
  world.pendingEvents.push([EventKind.Left, id, p.name]);
}
