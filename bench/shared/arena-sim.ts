/** The workload's simulation rules ('arena'): 16-player rooms, held keys, latest input wins. */
import { KEY_DOWN, KEY_FIRE, KEY_LEFT, KEY_RIGHT, KEY_UP } from './input-pattern.js';

export const ROOM_SIZE = 16;
export const ARENA_PX = 2000;
export const SPEED_PX_S = 200;
export const TICK_HZ = 30;
export const TICK_MS = 1000 / TICK_HZ;
const DT_S = 1 / TICK_HZ;
const DIAGONAL = Math.SQRT1_2;

/** One player of an arena room, with its latest received input. */
export interface ArenaPlayer {
  readonly id: number;
  x: number;
  y: number;
  angle: number;
  hp: number;
  score: number;
  /** Latest received input (held until the next one). */
  keys: number;
  aim: number;
  inputSeq: number;
  /** performance.now() when inputSeq arrived. */
  inputAt: number;
  /** Ack: seq of the latest input applied by a tick. */
  lastSeq: number;
  /** Ack last written to the client, for the server ack-delay metric. */
  sentSeq: number;
}

/** Creates player `id` at its spawn point. */
export function spawnPlayer(id: number): ArenaPlayer {
  return {
    id,
    x: 100 + ((id * 113) % 1800),
    y: 100 + ((id * 197) % 1800),
    angle: 0,
    hp: 100,
    score: 0,
    keys: 0,
    aim: 0,
    inputSeq: 0,
    inputAt: 0,
    lastSeq: 0,
    sentSeq: 0,
  };
}

/**
 * Stores a received `{seq, keys, aim}` input if it is newer than the held one; only the latest one
 * before a tick is applied. Returns false (and stores nothing) when `msg` does not have that shape.
 */
export function receiveInputMsg(p: ArenaPlayer, msg: unknown, now: number): boolean {
  const m = msg as { seq?: unknown; keys?: unknown; aim?: unknown } | null;
  if (typeof m?.seq !== 'number' || typeof m.keys !== 'number' || typeof m.aim !== 'number') return false;
  if (m.seq <= p.inputSeq) return true;
  p.inputSeq = m.seq;
  p.keys = m.keys;
  p.aim = m.aim;
  p.inputAt = now;
  return true;
}

function clamp(v: number): number {
  return Math.max(0, Math.min(v, ARENA_PX));
}

/** Advances one player by one tick with its held input. */
export function stepPlayer(p: ArenaPlayer): void {
  const k = p.keys;
  const dx = (k & KEY_RIGHT ? 1 : 0) - (k & KEY_LEFT ? 1 : 0);
  const dy = (k & KEY_DOWN ? 1 : 0) - (k & KEY_UP ? 1 : 0);
  const scale = dx !== 0 && dy !== 0 ? DIAGONAL : 1;
  p.x = clamp(p.x + dx * scale * SPEED_PX_S * DT_S);
  p.y = clamp(p.y + dy * scale * SPEED_PX_S * DT_S);
  p.angle = p.aim;
  if (k & KEY_FIRE) p.score = (p.score + 1) & 0xffff;
  p.lastSeq = p.inputSeq;
}

/** Reports (via `sample`) how long each newly acked input waited in the server, then marks it sent. */
export function markAcksSent(
  players: Iterable<ArenaPlayer>,
  now: number,
  sample: (ms: number) => void,
): void {
  for (const p of players) {
    if (p.lastSeq !== p.sentSeq) {
      sample(now - p.inputAt);
      p.sentSeq = p.lastSeq;
    }
  }
}
