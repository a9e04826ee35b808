/**
 * State frames: the delta body is encoded once per (tick, baseline) and shared by every client with
 * that baseline; only the 1-5 byte ack is written per client. The result is standard msgpack,
 * identical to `encode([2, tick, time, ack, baseAge, players, projectiles, round])`. Per client nothing
 * is allocated: each (baseline, ack length) frame buffer is reused with the client's ack written in.
 */
import { baseAge, diffEntities, diffRound, PLAYER_MOTION, PROJECTILE_MOTION } from './delta-encode.js';
import { ServerMsg } from './messages.js';
import { MsgpackWriter, uintLength, writeUint } from './msgpack-writer.js';
import type { WireEntity, WireState } from './wire-state.js';

/**
 * The shared bytes of one (tick, baseline) pair: everything but the ack, and where the ack goes.
 * `byAckLength[L]` is a whole frame with room for an L-byte ack, built on first use and reused for
 * every client whose ack has that length: only the ack bytes are written per client.
 */
interface SharedFrame {
  readonly bytes: Uint8Array;
  readonly ackAt: number;
  readonly byAckLength: (Uint8Array | undefined)[];
}

/** Shared by every encoding (one at a time): the writer and the delta lists, reused so nothing is built per frame. */
const writer = new MsgpackWriter();
const changes: number[] = [];
const added: WireEntity[] = [];

/** Writes the entity delta `[changes, added]` of `cur` against `base`. */
function writeEntities(
  w: MsgpackWriter,
  base: readonly WireEntity[],
  cur: readonly WireEntity[],
  age: number,
  motion: Int8Array,
): void {
  changes.length = 0;
  added.length = 0;
  diffEntities(base, cur, age, motion, changes, added);
  w.array(2);
  w.numbers(changes);
  w.array(added.length);
  for (let i = 0; i < added.length; i++) w.numbers(added[i] as WireEntity);
  added.length = 0; // drop the references until the next frame
}

/** Everything of a frame but the ack: `[2, tick, time, (ack), baseAge, players, projectiles, round]`. */
function encodeShared(base: WireState, cur: WireState): SharedFrame {
  const w = writer;
  w.reset();
  w.array(8);
  w.number(ServerMsg.State);
  w.number(cur.tick);
  w.number(cur.serverTime - base.serverTime);
  const ackAt = w.length;
  const age = baseAge(base, cur);
  w.number(age);
  writeEntities(w, base.players, cur.players, age, PLAYER_MOTION);
  writeEntities(w, base.projectiles, cur.projectiles, age, PROJECTILE_MOTION);
  changes.length = 0;
  diffRound(base.round, cur.round, changes);
  w.numbers(changes);
  return { bytes: w.copy(), ackAt, byAckLength: [] };
}

function withAck(shared: SharedFrame, ack: number): Uint8Array {
  const { bytes, ackAt, byAckLength } = shared;
  const len = uintLength(ack);
  let out = byAckLength[len];
  if (!out) {
    out = new Uint8Array(bytes.length + len);
    out.set(bytes.subarray(0, ackAt), 0);
    out.set(bytes.subarray(ackAt), ackAt + len);
    byAckLength[len] = out;
  }
  writeUint(out, ackAt, ack);
  return out;
}

/** Builds State frames of one tick; the body is encoded once per distinct baseline. */
export class StateEncoder {
  private readonly cache = new Map<WireState, SharedFrame>();

  constructor(readonly state: WireState) {}

  /** Distinct baselines encoded so far. */
  get encodings(): number {
    return this.cache.size;
  }

  /** The frame for a client whose baseline is `base` (EMPTY_STATE: a full frame) and whose ack is `ack`. */
  frame(base: WireState, ack: number): Uint8Array {
    return this.transientFrame(base, ack).slice();
  }

  /**
   * Like `frame`, without allocating: the bytes are reused (and overwritten) by the next call with
   * the same baseline, so hand them at once to a sink that copies them (a uWS send does).
   */
  transientFrame(base: WireState, ack: number): Uint8Array {
    let shared = this.cache.get(base);
    if (!shared) {
      shared = encodeShared(base, this.state);
      this.cache.set(base, shared);
    }
    return withAck(shared, ack);
  }
}
