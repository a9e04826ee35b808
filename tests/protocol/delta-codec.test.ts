import { decode as decodeStd } from '@msgpack/msgpack';
import { describe, expect, it } from 'vitest';
import {
  applyStateMsg,
  BaselineRing,
  decodeServerMsg,
  EMPTY_STATE,
  encode,
  FrameStore,
  RoundPhase,
  ServerMsg,
  StateEncoder,
  type StateMsg,
  type WirePlayer,
  type WireProjectile,
  type WireState,
} from '../../protocol/index.js';
import { MsgpackWriter } from '../../protocol/msgpack-writer.js';
import { seededRandom } from '../helpers/hostile-frames.js';

const base: WireState = {
  tick: 1234,
  serverTime: 987654,
  players: [
    [1, 1600, 3200, -1571, 100, 3, 0, 0],
    [2, 31984, 16, 3142, 20, 1, -107, 0],
  ],
  projectiles: [[7, 1, 2000, 2100, 900, -3, 480, -2]],
  round: [RoundPhase.Playing, 170000, 1],
};
const next: WireState = {
  tick: 1236,
  serverTime: 987721,
  players: [
    [1, 1600, 3200, -1500, 100, 3, 0, 0],
    [2, 31770, 16, 3142, 20, 1, -107, 0],
    [4, 100, 200, 0, 100, 3, 0, 0],
  ],
  projectiles: [[9, 4, 500, 600, 0, 900, 0, 480]],
  round: [RoundPhase.Playing, 169933, 1],
};

/** A frame of `enc` kept as its own bytes: the production path (transientFrame) plus a copy. */
function frameOf(enc: StateEncoder, b: WireState, ack: number): Uint8Array {
  return enc.transientFrame(b, ack).slice();
}

/** What `w` wrote since its last reset, copied out the way the encoder does (copySplit, no gap). */
function written(w: MsgpackWriter): Uint8Array {
  const out = new Uint8Array(w.length);
  w.copySplit(out, w.length, 0);
  return out;
}

function msgOf(bytes: Uint8Array): StateMsg {
  const r = decodeServerMsg(bytes);
  if (!r.ok || r.msg[0] !== ServerMsg.State) throw new Error('not a State');
  return r.msg;
}

describe('State frames', () => {
  it('splice the ack into bytes identical to encoding the whole array, full and delta', () => {
    const enc = new StateEncoder(next);
    for (const b of [EMPTY_STATE, base]) {
      const age = b === EMPTY_STATE ? 0 : next.tick - b.tick;
      for (const ack of [0, 1, 127, 128, 65535, 65536, 0xffff_ffff]) {
        const frame = frameOf(enc, b, ack);
        const value = decodeStd(frame) as unknown[];
        expect(value.slice(0, 5)).toEqual([
          ServerMsg.State,
          next.tick,
          next.serverTime - b.serverTime,
          ack,
          age,
        ]);
        // The bytes are exactly what the protocol's encoder writes for that value.
        expect(Array.from(frame)).toEqual(Array.from(encode(value)));
      }
    }
    expect(enc.encodings).toBe(2);
  });

  it('build frames in a FrameStore byte-identical to encode, for interleaved baselines and ack lengths', () => {
    const store = new FrameStore(16);
    const enc = new StateEncoder(next, store);
    const seen: [Uint8Array, number[]][] = [];
    for (const ack of [5, 300, 0xffff_ffff, 6, 70000]) {
      for (const b of [base, EMPTY_STATE, base]) {
        const frame = enc.transientFrame(b, ack);
        const value = decodeStd(frame) as unknown[];
        expect(value[3]).toBe(ack);
        expect(Array.from(frame)).toEqual(Array.from(encode(value)));
        seen.push([frame, Array.from(frame)]);
      }
    }
    expect(enc.encodings).toBe(2);
    // Until the store is reset, a frame changes only where a later frame of its buffer writes its ack.
    const last = seen[seen.length - 1] as [Uint8Array, number[]];
    expect(Array.from(last[0])).toEqual(last[1]);
    const other = new StateEncoder(base, store).transientFrame(EMPTY_STATE, 1);
    expect(Array.from(other)).toEqual(Array.from(frameOf(new StateEncoder(base), EMPTY_STATE, 1)));
    expect(Array.from(last[0])).toEqual(last[1]);
  });

  it('write only the first n numbers when given n, and -0 as 0 like the protocol encoder', () => {
    const w = new MsgpackWriter(4);
    w.numbers([1, -0, 300, 99, 98], 3);
    expect(Array.from(written(w))).toEqual(Array.from(encode([1, -0, 300])));
    expect(Array.from(encode([-0]))).toEqual(Array.from(encode([0])));
  });

  it('write every number as the protocol encoder does, at every integer width and beyond', () => {
    const values = [0, 1, 127, 128, 255, 256, 65535, 65536, 2 ** 32 - 1, 2 ** 32, -1, -32, -33, -128, -129];
    const more = [-32768, -32769, -(2 ** 31), -(2 ** 31) - 1, 0.5, -2.25, 1e300, Number.NaN];
    const w = new MsgpackWriter(4);
    w.numbers([...values, ...more]);
    w.array(16);
    w.array(65536);
    expect(Array.from(written(w))).toEqual([
      ...encode([...values, ...more]),
      ...encode(new Array(16).fill(0)).subarray(0, 3),
      ...encode(new Array(65536).fill(0)).subarray(0, 5),
    ]);
  });

  it('encodes a delta as documented in PROTOCOL.md §4.2', () => {
    const frame = frameOf(new StateEncoder(next), base, 5);
    expect(decodeStd(frame)).toEqual([
      2,
      1236,
      67,
      5,
      2,
      [[4, 71], [[4, 100, 200, 0, 100, 3, 0, 0]]],
      [[0], [[9, 4, 500, 600, 0, 900, 0, 480]]],
      [2, -67],
    ]);
  });

  it('decodes full and delta frames back to exactly the state', () => {
    const ring = new BaselineRing();
    const full = applyStateMsg(msgOf(frameOf(new StateEncoder(base), EMPTY_STATE, 3)), () => undefined);
    expect(full).toEqual({ ok: true, state: base, ack: 3, baseTick: 0 });
    if (full.ok) ring.put(full.state);
    const delta = applyStateMsg(msgOf(frameOf(new StateEncoder(next), base, 4)), (t) => ring.get(t));
    expect(delta).toEqual({ ok: true, state: next, ack: 4, baseTick: base.tick });
    const lost = applyStateMsg(msgOf(frameOf(new StateEncoder(next), base, 4)), () => undefined);
    expect(lost).toEqual({ ok: false, reason: 'no_baseline' });
  });

  it('reconstructs random states exactly against random older baselines', () => {
    const rnd = seededRandom(12345);
    const rand = (n: number) => Math.floor(rnd() * n);
    const states: WireState[] = [];
    let players: WirePlayer[] = [];
    let shots: WireProjectile[] = [];
    for (let tick = 1; tick <= 300; tick++) {
      players = players
        .filter(() => rand(50) !== 0)
        .map((p) => {
          const mx = rand(10) === 0 ? rand(215) - 107 : p[6];
          const my = rand(10) === 0 ? rand(215) - 107 : p[7];
          const hp = rand(20) === 0 ? rand(101) : p[4];
          return [p[0], p[1] + mx, p[2] + my, rand(6285) - 3142, hp, rand(4), mx, my] as WirePlayer;
        });
      if (rand(5) === 0) players.push([tick, rand(32000), rand(32000), 0, 100, 3, 0, 0]);
      shots = shots
        .filter(() => rand(8) !== 0)
        .map((s) => [s[0], s[1], s[2] + s[6], s[3] + s[7] + (rand(3) - 1), s[4], s[5], s[6], s[7]]);
      if (rand(2) === 0) shots.push([(tick * 7) % 0xffff, 1, rand(32000), rand(32000), 900, 0, 480, 0]);
      players.sort((a, b) => a[0] - b[0]);
      shots.sort((a, b) => a[0] - b[0]);
      states.push({
        tick,
        serverTime: tick * 33 + rand(3),
        players,
        projectiles: shots,
        round: [1, 180000 - tick * 33, 1],
      });
    }
    const ring = new BaselineRing();
    let acked = 0;
    for (const s of states) {
      const b = acked > 0 && s.tick - acked < 64 ? (states[acked - 1] as WireState) : EMPTY_STATE;
      const r = applyStateMsg(msgOf(frameOf(new StateEncoder(s), b, s.tick)), (t) => ring.get(t));
      expect(r.ok && r.state).toEqual(s);
      if (r.ok) ring.put(r.state);
      if (rand(3) === 0) acked = s.tick - rand(5); // acks arrive late, sometimes not at all
      if (acked < 1) acked = 0;
    }
  });
});
