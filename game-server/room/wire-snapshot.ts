/** Builds one tick's WireState from a world, with each entity's motion measured against the previous state. */
import {
  POSITION_SCALE,
  type WirePlayer,
  type WireProjectile,
  type WireState,
} from '../../protocol/index.js';
import { playerFlags, snapshotRound, type World } from '../sim/index.js';

function sameTuple(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function players(world: World, prev: WireState | undefined, ticks: number): WirePlayer[] {
  const out: WirePlayer[] = [];
  const before = prev?.players ?? [];
  let j = 0;
  for (const p of world.players.values()) {
    const x = Math.round(p.x * POSITION_SCALE);
    const y = Math.round(p.y * POSITION_SCALE);
    const flags = playerFlags(world, p);
    while (j < before.length && (before[j] as WirePlayer)[0] < p.id) j++;
    const b = before[j];
    const mx = b && b[0] === p.id ? Math.round((x - b[1]) / ticks) : 0;
    const my = b && b[0] === p.id ? Math.round((y - b[2]) / ticks) : 0;
    const t: WirePlayer = [p.id, x, y, p.aim, p.hp, flags, mx, my];
    // Reusing an unchanged tuple lets the encoder skip it by identity.
    out.push(b && b[0] === p.id && sameTuple(b, t) ? b : t);
  }
  // Join order is id order, except after a re-created map: keep the codec's invariant anyway.
  for (let i = 1; i < out.length; i++) {
    if ((out[i] as WirePlayer)[0] < (out[i - 1] as WirePlayer)[0]) return out.sort((a, b) => a[0] - b[0]);
  }
  return out;
}

/** The entry of `id` in `list` (sorted by id), by binary search: no lookup table built per tick. */
function findById<T extends readonly number[]>(list: readonly T[], id: number): T | undefined {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const e = list[mid] as T;
    if (e[0] === id) return e;
    if ((e[0] as number) < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

function projectiles(world: World, prev: WireState | undefined, ticks: number): WireProjectile[] {
  const out: WireProjectile[] = [];
  const before = prev?.projectiles ?? [];
  const { tickHz } = world.timing;
  let sorted = true;
  for (const pr of world.projectiles) {
    const x = Math.round(pr.x * POSITION_SCALE);
    const y = Math.round(pr.y * POSITION_SCALE);
    const b = findById(before, pr.id);
    // A new projectile's motion is its first step, which the simulation will take next tick.
    const mx = b ? Math.round((x - b[2]) / ticks) : Math.round((pr.vx * POSITION_SCALE) / tickHz);
    const my = b ? Math.round((y - b[3]) / ticks) : Math.round((pr.vy * POSITION_SCALE) / tickHz);
    const last = out[out.length - 1];
    if (last && last[0] > pr.id) sorted = false;
    out.push([pr.id, pr.ownerId, x, y, pr.vx, pr.vy, mx, my]);
  }
  return sorted ? out : out.sort((a, b) => a[0] - b[0]);
}

/** The state of `world` now; `prev` is the previous State's (for motion), if any. */
export function buildWireState(world: World, serverTime: number, prev: WireState | undefined): WireState {
  const ticks = prev ? Math.max(1, world.tick - prev.tick) : 1;
  return {
    tick: world.tick,
    serverTime,
    players: players(world, prev, ticks),
    projectiles: projectiles(world, prev, ticks),
    round: snapshotRound(world),
  };
}
