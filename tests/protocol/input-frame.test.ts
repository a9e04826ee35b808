import { decode as decodeStd, encode as encodeStd } from '@msgpack/msgpack';
import { Packr } from 'msgpackr';
import { describe, expect, it } from 'vitest';
import {
  ClientMsg,
  encode,
  type InputMsg,
  KEY_MASK,
  MAX_INPUT_SEQ,
  MAX_WIRE_ANGLE,
  MAX_WIRE_UINT,
} from '../../protocol/index.js';
import { scanInputFrame, scannedInput } from '../../protocol/input-frame.js';
import { decodeClientMsg, validateClientMsg } from '../../protocol/validate.js';
import { seededRandom as prng } from '../helpers/hostile-frames.js';

/** Field values around every msgpack integer width boundary and the Input bounds. */
const EDGES = [0, 1, 31, 32, 127, 128, 255, 256, 3142, 3143, 65535, 65536, 2 ** 31, 2 ** 32 - 1, 2 ** 32];
const SIGNED = [0, -1, -31, -32, -33, -128, -129, -3142, -3143, -32768, -32769, 1, 3142, 3143];

/** The Input `scanInputFrame` reads from `bytes` (its fields from `scannedInput`), or undefined if it refuses them. */
function scan(bytes: Uint8Array): InputMsg | undefined {
  if (!scanInputFrame(bytes)) return undefined;
  const i = scannedInput;
  return [ClientMsg.Input, i.seq, i.keys, i.aim, i.baseTick, i.viewTime];
}

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)] as T;
}

/** Inclusive bounds of Input fields 1-5. */
const BOUNDS: readonly (readonly [number, number])[] = [
  [1, MAX_INPUT_SEQ],
  [0, KEY_MASK],
  [-MAX_WIRE_ANGLE, MAX_WIRE_ANGLE],
  [0, MAX_WIRE_UINT],
  [0, MAX_WIRE_UINT],
];
const OUT_OF_RANGE = [...EDGES, ...SIGNED, -(2 ** 31), -(2 ** 31) - 1, 2 ** 40, -(2 ** 40), 2 ** 53];
/** Integer formats after the fixints: marker and byte size. */
const INT_FORMATS: readonly (readonly [number, number])[] = [
  [0xcc, 1],
  [0xcd, 2],
  [0xce, 4],
  [0xcf, 8],
  [0xd0, 1],
  [0xd1, 2],
  [0xd2, 4],
  [0xd3, 8],
];

/** A value for field `f`: mostly within its bounds, else out of range or not an integer. */
function fieldValue(r: () => number, f: number): number {
  const [lo, hi] = BOUNDS[f] as readonly [number, number];
  const u = r();
  if (u < 0.75) {
    const scale = Math.min(hi - lo, 2 ** Math.floor(r() * 33));
    return r() < 0.2 ? pick(r, [lo, hi]) : lo + Math.floor(r() * (scale + 1));
  }
  if (u < 0.95) return pick(r, OUT_OF_RANGE);
  return pick(r, [0.5, -1.5, 1e10 + 0.25, Number.NaN]);
}

/** `marker` followed by the `size` bytes that `set` writes (big-endian, through a DataView). */
function withBody(marker: number, size: number, set: (view: DataView) => void): number[] {
  const view = new DataView(new ArrayBuffer(size));
  set(view);
  return [marker, ...new Uint8Array(view.buffer)];
}

/** The shortest msgpack encoding of `v`, as the protocol encoder writes it. */
function shortest(v: number): number[] {
  if (!Number.isInteger(v)) return withBody(0xcb, 8, (d) => d.setFloat64(0, v));
  if (v >= 0 && v < 0x80) return [v];
  if (v < 0 && v >= -0x20) return [0x100 + v];
  if (v >= 0 && v < 0x100) return [0xcc, v];
  if (v >= 0 && v < 0x10000) return withBody(0xcd, 2, (d) => d.setUint16(0, v));
  if (v >= 0 && v < 2 ** 32) return withBody(0xce, 4, (d) => d.setUint32(0, v));
  if (v >= 0) return withBody(0xcf, 8, (d) => d.setBigUint64(0, BigInt(v)));
  if (v >= -0x80) return [0xd0, v + 0x100];
  if (v >= -0x8000) return withBody(0xd1, 2, (d) => d.setInt16(0, v));
  if (v >= -(2 ** 31)) return withBody(0xd2, 4, (d) => d.setInt32(0, v));
  return withBody(0xd3, 8, (d) => d.setBigInt64(0, BigInt(v)));
}

/** `v` in a random format; integer formats too narrow for it keep its low bits (wrapping). */
function anyWidth(r: () => number, v: number): number[] {
  const u = r();
  if (u < 0.1) return withBody(0xca, 4, (d) => d.setFloat32(0, v));
  if (u < 0.2) return withBody(0xcb, 8, (d) => d.setFloat64(0, v));
  const i = Number.isFinite(v) ? Math.trunc(v) : 0;
  if (u < 0.3) return [i < 0 ? 0xe0 | (i & 0x1f) : i & 0x7f];
  const [marker, size] = pick(r, INT_FORMATS);
  // The low `size` bytes of the 64-bit two's complement of i: the same for signed and unsigned.
  const low = BigInt.asUintN(64, BigInt(i));
  return withBody(marker, size, (d) => {
    for (let k = 0; k < size; k++) d.setUint8(size - 1 - k, Number((low >> BigInt(8 * k)) & 0xffn));
  });
}

/**
 * A frame that mostly looks like an Input: [0x96, 0x01] and five numbers of random values and widths,
 * sometimes with another header, a non-number field, cut short or followed by extra bytes.
 */
function inputLike(r: () => number): Uint8Array {
  const u = r();
  const out: number[] =
    u < 0.85
      ? [0x96, ClientMsg.Input]
      : u < 0.9
        ? [0x90 | Math.floor(r() * 16), ClientMsg.Input]
        : u < 0.95
          ? [0x96, Math.floor(r() * 256)]
          : [0xdc, 0, 6, ClientMsg.Input];
  for (let f = 0; f < 5; f++) {
    const v = fieldValue(r, f);
    const w = r();
    if (w < 0.03) out.push(0x80 + Math.floor(r() * 0x60));
    else out.push(...(w < 0.7 ? shortest(v) : anyWidth(r, v)));
  }
  const t = r();
  if (t < 0.1) out.length = Math.floor(r() * out.length);
  else if (t < 0.2) for (let n = 1 + Math.floor(r() * 3); n > 0; n--) out.push(Math.floor(r() * 256));
  return new Uint8Array(out);
}

describe('Input fast path', () => {
  const encoders: [string, (v: unknown) => Uint8Array][] = [
    ['the protocol encoder', encode],
    ['@msgpack/msgpack', (v) => encodeStd(v)],
    ['msgpackr with float32', (v) => new Packr({ useRecords: false, useFloat32: 1 }).pack(v)],
  ];

  it.each(encoders)(
    'reads every in-bounds Input that %s writes as integers, as the general decoder does',
    (_, enc) => {
      const r = prng(7);
      for (let i = 0; i < 5000; i++) {
        const msg: InputMsg = [
          ClientMsg.Input,
          pick(r, EDGES),
          pick(r, EDGES),
          pick(r, SIGNED),
          pick(r, EDGES),
          pick(r, EDGES),
        ];
        const bytes = enc(msg);
        const general = validateClientMsg(msg);
        const fast = scan(bytes);
        if (general.ok) {
          // Every such encoding is plain msgpack integers, so the fast path must take it.
          expect(fast, JSON.stringify(msg)).toEqual(msg);
        } else {
          expect(fast, JSON.stringify(msg)).toBeUndefined();
        }
        // The general decoder (decodeClientMsg) agrees with validating the decoded value.
        expect(decodeClientMsg(bytes)).toEqual(general);
      }
    },
  );

  it('leaves float-encoded integers, 64-bit integers and other shapes to the general decoder', () => {
    const float64 = new Uint8Array([0x96, 0x01, 0xcb, 0x3f, 0xf0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(scanInputFrame(float64)).toBe(false);
    expect(decodeClientMsg(float64)).toEqual({ ok: true, msg: [ClientMsg.Input, 1, 0, 0, 0, 0] });
    const float32 = new Uint8Array([0x96, 0x01, 0xca, 0x3f, 0x80, 0, 0, 0, 0, 0, 0]);
    expect(scanInputFrame(float32)).toBe(false);
    expect(decodeClientMsg(float32)).toEqual({ ok: true, msg: [ClientMsg.Input, 1, 0, 0, 0, 0] });
    const uint64 = new Uint8Array([0x96, 0x01, 0xcf, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0]);
    expect(scanInputFrame(uint64)).toBe(false);
    expect(decodeClientMsg(uint64)).toEqual({ ok: false, reason: 'bad_input: field 1' }); // a BigInt seq
    expect(scanInputFrame(encode([ClientMsg.Ping, 5]))).toBe(false);
    expect(scanInputFrame(encode([ClientMsg.Input, 1, 0, 0, 0]))).toBe(false);
  });

  it('refuses truncated frames and trailing bytes instead of reading past them', () => {
    const whole = encode([ClientMsg.Input, 70000, 3, -200, 65536, 2 ** 32 - 1]);
    expect(scan(whole)).toEqual([ClientMsg.Input, 70000, 3, -200, 65536, 2 ** 32 - 1]);
    for (let n = 0; n < whole.length; n++) expect(scanInputFrame(whole.subarray(0, n))).toBe(false);
    const longer = new Uint8Array(whole.length + 1);
    longer.set(whole);
    expect(scanInputFrame(longer)).toBe(false);
    expect(decodeClientMsg(longer)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('never throws and agrees with a general decode and validation, on Input-like random frames', () => {
    const r = prng(11);
    let taken = 0;
    for (let i = 0; i < 20_000; i++) {
      const bytes = inputLike(r);
      const fast = scan(bytes);
      const label = Buffer.from(bytes).toString('hex');
      let decoded: unknown;
      try {
        decoded = decodeStd(bytes);
      } catch {
        expect(fast, label).toBeUndefined();
        continue;
      }
      const general = validateClientMsg(decoded);
      if (general.ok && general.msg[0] === ClientMsg.Input) {
        // The fast path may leave a valid Input to the general decoder, but never read it differently.
        if (fast !== undefined) expect(fast, label).toEqual(general.msg);
      } else {
        expect(fast, label).toBeUndefined();
      }
      if (fast !== undefined) taken++;
    }
    expect(taken).toBeGreaterThan(1000);
  });
});
