/** Rebuilds a tick's state from a State frame and the baseline it names (the inverse of delta-encode.ts). */
import { PLAYER_MOTION, PROJECTILE_MOTION } from './delta-encode.js';
import type { RoundSnapshot, StateMsg } from './messages.js';
import type { WireEntity, WirePlayer, WireProjectile, WireState } from './wire-state.js';
import { EMPTY_STATE } from './wire-state.js';

const ENTITY_LENGTH = 8;

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** An unchanged entity: where its motion fields predict it `age` ticks after `b`. */
function advance(b: WireEntity, age: number, motion: Int8Array): WireEntity {
  let out: number[] | undefined;
  for (let f = 1; f < b.length; f++) {
    const m = motion[f] as number;
    if (m < 0 || b[m] === 0 || age === 0) continue;
    out ??= b.slice();
    out[f] = (b[f] as number) + (b[m] as number) * age;
  }
  return out ?? b;
}

/** Applies one entity-list delta to `base`; null when the delta is malformed. */
function applyEntities(
  base: readonly WireEntity[],
  delta: unknown,
  age: number,
  motion: Int8Array,
): WireEntity[] | null {
  if (!Array.isArray(delta) || delta.length !== 2) return null;
  const [changes, added] = delta as [unknown, unknown];
  if (!Array.isArray(changes) || !Array.isArray(added)) return null;
  const out: WireEntity[] = [];
  let i = 0;
  let k = 0;
  while (k < changes.length) {
    const token: unknown = changes[k++];
    if (!isInt(token)) return null;
    if (token < 0) {
      if (i - token > base.length) return null;
      for (let n = 0; n < -token; n++) out.push(advance(base[i++] as WireEntity, age, motion));
      continue;
    }
    const b = base[i++];
    if (b === undefined) return null;
    if (token === 0) continue;
    const next = b.slice();
    const residual = new Array<number>(ENTITY_LENGTH).fill(0);
    for (let f = 1; f < ENTITY_LENGTH; f++) {
      if ((token & (1 << (f - 1))) === 0) continue;
      const r: unknown = changes[k++];
      if (!isInt(r)) return null;
      residual[f] = r;
    }
    // Non-position fields first: positions are predicted from the current motion fields.
    for (let f = 1; f < ENTITY_LENGTH; f++) {
      if ((motion[f] as number) < 0) next[f] = (b[f] as number) + (residual[f] as number);
    }
    for (let f = 1; f < ENTITY_LENGTH; f++) {
      const m = motion[f] as number;
      if (m >= 0) next[f] = (b[f] as number) + (next[m] as number) * age + (residual[f] as number);
    }
    out.push(next);
  }
  while (i < base.length) out.push(advance(base[i++] as WireEntity, age, motion));
  for (const e of added) {
    if (!Array.isArray(e) || e.length !== ENTITY_LENGTH || !e.every(isInt)) return null;
    out.push(e as WireEntity);
  }
  out.sort((a, b) => (a[0] as number) - (b[0] as number));
  for (let n = 1; n < out.length; n++) if (out[n]![0] === out[n - 1]![0]) return null;
  return out;
}

function applyRound(base: RoundSnapshot, delta: unknown): RoundSnapshot | null {
  if (!Array.isArray(delta) || !isInt(delta[0])) return null;
  const mask = delta[0];
  const out = [base[0], base[1], base[2]];
  let k = 1;
  for (let f = 0; f < 3; f++) {
    if ((mask & (1 << f)) === 0) continue;
    const d: unknown = delta[k++];
    if (!isInt(d)) return null;
    out[f] = (out[f] as number) + d;
  }
  return out as unknown as RoundSnapshot;
}

/** A decoded State frame: the full state and this client's ack, or why it cannot be decoded. */
export type AppliedState =
  | { ok: true; state: WireState; ack: number; baseTick: number }
  | { ok: false; reason: 'no_baseline' | 'malformed' };

/** Decodes `msg` using `baselineAt(tick)` (the states this client received, by tick). */
export function applyStateMsg(
  msg: StateMsg,
  baselineAt: (tick: number) => WireState | undefined,
): AppliedState {
  const [, tick, time, ack, baseAge, players, projectiles, round] = msg;
  if (!isInt(tick) || !isInt(time) || !isInt(ack) || !isInt(baseAge) || baseAge < 0) {
    return { ok: false, reason: 'malformed' };
  }
  const baseTick = baseAge === 0 ? 0 : tick - baseAge;
  const base = baseAge === 0 ? EMPTY_STATE : baselineAt(baseTick);
  if (!base) return { ok: false, reason: 'no_baseline' };
  const p = applyEntities(base.players, players, baseAge, PLAYER_MOTION);
  const pr = applyEntities(base.projectiles, projectiles, baseAge, PROJECTILE_MOTION);
  const r = applyRound(base.round, round);
  if (!p || !pr || !r) return { ok: false, reason: 'malformed' };
  const state: WireState = {
    tick,
    serverTime: base.serverTime + time,
    players: p as unknown as WirePlayer[],
    projectiles: pr as unknown as WireProjectile[],
    round: r,
  };
  return { ok: true, state, ack, baseTick };
}
