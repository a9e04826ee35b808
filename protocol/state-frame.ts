/**
 * State frames: the delta body is encoded once per (tick, baseline) and shared by every client with
 * that baseline; only the 1-5 byte ack is written per client. The result is standard msgpack,
 * identical to `encode([2, tick, time, ack, baseAge, players, projectiles, round])`. Per client nothing
 * is allocated: each (baseline, ack length) frame buffer is reused with the client's ack written in,
 * and with a FrameStore not even those buffers are new ArrayBuffers.
 */
import { baseAge, diffEntities, diffRound, PLAYER_MOTION, PROJECTILE_MOTION } from './delta-encode.js';
import { ServerMsg } from './messages.js';
import { MsgpackWriter, uintLength, writeUint } from './msgpack-writer.js';
import type { WireEntity, WireState } from './wire-state.js';

/**
 * Byte space for the frames of one tick, handed out as views of one buffer so that building a frame
 * allocates no ArrayBuffer (a fresh one costs more than encoding a small frame). `reset` reclaims it
 * all: call it only when no frame taken since the last reset is needed any more (the State path calls
 * it at the start of each tick; the previous tick's frames were sent, and uWS copies).
 */
export class FrameStore {
  private buf: Uint8Array;
  private used = 0;

  constructor(initialBytes = 4096) {
    this.buf = new Uint8Array(initialBytes);
  }

  /** `n` bytes of their own until the next reset. */
  take(n: number): Uint8Array {
    if (this.used + n > this.buf.length) {
      // The views taken so far keep the old buffer alive; the new one serves from here on.
      this.buf = new Uint8Array(Math.max(this.buf.length * 2, n));
      this.used = 0;
    }
    const at = this.used;
    this.used = at + n;
    return this.buf.subarray(at, at + n);
  }

  /** Makes all the space available again (frames taken before are overwritten by later takes). */
  reset(): void {
    this.used = 0;
  }
}

/**
 * The shared bytes of one (tick, baseline) pair and where the ack goes. `byAckLength[L]` is a whole
 * frame with room for an L-byte ack, built on first use and reused for every client whose ack has
 * that length: only the ack bytes are written per client. `first` is the one built with the body.
 */
interface SharedFrame {
  readonly ackAt: number;
  readonly first: Uint8Array;
  readonly firstAckLength: number;
  readonly byAckLength: (Uint8Array | undefined)[];
}

/**
 * Shared by every encoding (one at a time): the writer and the delta lists, reused so nothing is built
 * per frame. `changes` is written over from index 0 each time (never emptied, which would free it).
 */
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
  // `added` is empty here: emptied after each use.
  const n = diffEntities(base, cur, age, motion, changes, added);
  w.array(2);
  w.numbers(changes, n);
  w.array(added.length);
  for (let i = 0; i < added.length; i++) w.numbers(added[i] as WireEntity);
  added.length = 0; // drop the references until the next frame
}

/** `n` fresh bytes: from `store` if given, else a new buffer. */
function bytesFor(store: FrameStore | undefined, n: number): Uint8Array {
  return store !== undefined ? store.take(n) : new Uint8Array(n);
}

/**
 * Encodes the frame `[2, tick, time, ack, baseAge, players, projectiles, round]` with room for an
 * `ackLength`-byte ack (written per client by withAck), copied once out of the shared writer.
 */
function encodeShared(
  base: WireState,
  cur: WireState,
  ackLength: number,
  store: FrameStore | undefined,
): SharedFrame {
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
  w.numbers(changes, diffRound(base.round, cur.round, changes));
  const first = bytesFor(store, w.length + ackLength);
  w.copySplit(first, ackAt, ackLength);
  const byAckLength = new Array<Uint8Array | undefined>(6).fill(undefined);
  byAckLength[ackLength] = first;
  return { ackAt, first, firstAckLength: ackLength, byAckLength };
}

function withAck(shared: SharedFrame, ack: number, store: FrameStore | undefined): Uint8Array {
  const { ackAt, byAckLength } = shared;
  const len = uintLength(ack);
  let out = byAckLength[len];
  if (out === undefined) {
    // Another ack length: the first frame's bytes around its ack, moved apart (or together).
    const { first, firstAckLength } = shared;
    out = bytesFor(store, first.length - firstAckLength + len);
    for (let i = 0; i < ackAt; i++) out[i] = first[i] as number;
    out.set(first.subarray(ackAt + firstAckLength), ackAt + len);
    byAckLength[len] = out;
  }
  writeUint(out, ackAt, ack);
  return out;
}

/** Builds State frames of one tick; the body is encoded once per distinct baseline. */
export class StateEncoder {
  private readonly cache = new Map<WireState, SharedFrame>();
  /** The baseline of the last frame and its shared bytes: most clients of a tick share one baseline. */
  private lastBase: WireState | undefined;
  private lastShared: SharedFrame | undefined;

  /**
   * `store`, if given, provides the frames' bytes (see FrameStore: they then live until its next
   * reset); without one each frame buffer is a new allocation.
   */
  constructor(
    readonly state: WireState,
    private readonly store?: FrameStore,
  ) {}

  /** Distinct baselines encoded so far. */
  get encodings(): number {
    return this.cache.size;
  }

  /**
   * The frame for a client whose baseline is `base` (EMPTY_STATE: a full frame) and whose ack is
   * `ack`, without allocating: the bytes are reused, so hand them at once to a sink that copies them
   * (a uWS send does), or copy them (`slice`) to keep them. The next call with the same baseline and
   * an ack of the same byte length writes its ack into these same bytes; with a FrameStore, all of
   * them are overwritten after the store's next reset (the State path resets it on its next State
   * tick), by whatever frame is taken from it then.
   */
  transientFrame(base: WireState, ack: number): Uint8Array {
    if (base === this.lastBase) return withAck(this.lastShared as SharedFrame, ack, this.store);
    let shared = this.cache.get(base);
    if (shared === undefined) {
      shared = encodeShared(base, this.state, uintLength(ack), this.store);
      this.cache.set(base, shared);
    }
    this.lastBase = base;
    this.lastShared = shared;
    return withAck(shared, ack, this.store);
  }
}
