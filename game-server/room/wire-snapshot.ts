/** Builds one tick's WireState from a world, with each entity's motion measured against the previous state. */
import {
  POSITION_SCALE,
  type WirePlayer,
  type WireProjectile,
  type WireState,
} from '../../protocol/index.js';
import { playerFlags, snapshotRound, type World } from '../sim/index.js';

// Every tuple value goes through `| 0`. The values are integers well inside int32 (rounded positions
// and motions, ids, angle, hp, flags, px/s), so this changes no value but -0, which msgpack writes as 0
// anyway (MsgpackWriter and msgpackr alike): no byte on the wire changes. What it buys is that every
// tuple holds small integers only. A single -0 (Math.round of a small negative) or a value read back
// from a double array (an input's aim) would turn the tuple's allocation site, and with it every
// later tuple, into double elements, and each function over tuples (diff, mask, writer) would then
// see two array maps and go polymorphic.

/** A tuple of `list` to write over at `i`: the recycled state's own, else a new one (kept in `list`). */
function slot(list: number[][], i: number): number[] {
  let t = list[i];
  if (t === undefined) {
    t = [0, 0, 0, 0, 0, 0, 0, 0];
    list[i] = t;
  }
  return t;
}

function players(world: World, prev: WireState | undefined, ticks: number, out: number[][]): WirePlayer[] {
  const before = prev !== undefined ? prev.players : [];
  let j = 0;
  let n = 0;
  for (const p of world.players.values()) {
    const id = p.id | 0;
    const x = Math.round(p.x * POSITION_SCALE) | 0;
    const y = Math.round(p.y * POSITION_SCALE) | 0;
    while (j < before.length && (before[j] as WirePlayer)[0] < id) j++;
    const c = j < before.length ? (before[j] as WirePlayer) : undefined;
    const b = c !== undefined && c[0] === id ? c : undefined;
    const t = slot(out, n++);
    t[0] = id;
    t[1] = x;
    t[2] = y;
    t[3] = p.aim | 0;
    t[4] = p.hp | 0;
    t[5] = playerFlags(world, p) | 0;
    t[6] = b !== undefined ? Math.round((x - b[1]) / ticks) | 0 : 0;
    t[7] = b !== undefined ? Math.round((y - b[2]) / ticks) | 0 : 0;
  }
  if (out.length !== n) out.length = n;
  const list = out as unknown as WirePlayer[];
  // Join order is id order, except after a re-created map: keep the codec's invariant anyway.
  for (let i = 1; i < n; i++) {
    if ((list[i] as WirePlayer)[0] < (list[i - 1] as WirePlayer)[0]) return list.sort((a, b) => a[0] - b[0]);
  }
  return list;
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

function projectiles(
  world: World,
  prev: WireState | undefined,
  ticks: number,
  out: number[][],
): WireProjectile[] {
  const before = prev !== undefined ? prev.projectiles : [];
  const { tickHz } = world.timing;
  let sorted = true;
  let lastId = -1;
  let j = 0;
  let n = 0;
  for (const pr of world.projectiles) {
    const id = pr.id | 0;
    const x = Math.round(pr.x * POSITION_SCALE) | 0;
    const y = Math.round(pr.y * POSITION_SCALE) | 0;
    if (id < lastId) sorted = false;
    lastId = id;
    // While ids come in ascending order (the usual case), a cursor walks `before` alongside.
    let b: WireProjectile | undefined;
    if (sorted) {
      while (j < before.length && (before[j] as WireProjectile)[0] < id) j++;
      const c = before[j];
      b = c !== undefined && c[0] === id ? c : undefined;
    } else b = findById(before, id);
    // A new projectile's motion is its first step, which the simulation will take next tick.
    const mx =
      (b !== undefined ? Math.round((x - b[2]) / ticks) : Math.round((pr.vx * POSITION_SCALE) / tickHz)) | 0;
    const my =
      (b !== undefined ? Math.round((y - b[3]) / ticks) : Math.round((pr.vy * POSITION_SCALE) / tickHz)) | 0;
    const t = slot(out, n++);
    t[0] = id;
    t[1] = pr.ownerId | 0;
    t[2] = x;
    t[3] = y;
    t[4] = pr.vx | 0;
    t[5] = pr.vy | 0;
    t[6] = mx;
    t[7] = my;
  }
  if (out.length !== n) out.length = n;
  const list = out as unknown as WireProjectile[];
  return sorted ? list : list.sort((a, b) => a[0] - b[0]);
}

/** A WireState as buildWireState fills it: its own arrays and tuples, written over when it is recycled. */
type OwnedWireState = { -readonly [K in keyof WireState]: WireState[K] };

/**
 * The state of `world` now; `prev` is the previous State's (for motion), if any. Every tuple is the
 * state's own (none is shared with another state), so a state nobody uses any more can be passed as
 * `recycled`: it is written over and returned, and this tick allocates no entity tuple.
 */
export function buildWireState(
  world: World,
  serverTime: number,
  prev: WireState | undefined,
  recycled?: WireState,
): WireState {
  const ticks = prev ? Math.max(1, world.tick - prev.tick) : 1;
  const round = snapshotRound(world);
  if (recycled === undefined) {
    return {
      tick: world.tick,
      serverTime,
      players: players(world, prev, ticks, []),
      projectiles: projectiles(world, prev, ticks, []),
      round,
    };
  }
  const s = recycled as OwnedWireState;
  s.tick = world.tick;
  s.serverTime = serverTime;
  s.players = players(world, prev, ticks, s.players as unknown as number[][]);
  s.projectiles = projectiles(world, prev, ticks, s.projectiles as unknown as number[][]);
  s.round = round;
  return s;
}
