import { encode as encodeStd } from '@msgpack/msgpack';
import { Packr } from 'msgpackr';
import { describe, expect, it } from 'vitest';
import { ClientMsg, encode, type InputMsg } from '../../protocol/index.js';
import { readInputFrame } from '../../protocol/input-frame.js';
import { decodeClientMsg, validateClientMsg } from '../../protocol/validate.js';

/** A deterministic PRNG (mulberry32), so a failure names a reproducible case. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Field values around every msgpack integer width boundary and the Input bounds. */
const EDGES = [0, 1, 31, 32, 127, 128, 255, 256, 3142, 3143, 65535, 65536, 2 ** 31, 2 ** 32 - 1, 2 ** 32];
const SIGNED = [0, -1, -31, -32, -33, -128, -129, -3142, -3143, -32768, -32769, 1, 3142, 3143];

function pick<T>(r: () => number, list: readonly T[]): T {
  return list[Math.floor(r() * list.length)] as T;
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
        const fast = readInputFrame(bytes);
        if (general.ok) {
          // Every such encoding is plain msgpack integers, so the fast path must take it.
          expect(fast, JSON.stringify(msg)).toEqual(msg);
        } else {
          expect(fast, JSON.stringify(msg)).toBeUndefined();
        }
        // Whichever path answers, decodeClientMsg agrees with validating the decoded value.
        expect(decodeClientMsg(bytes)).toEqual(general);
      }
    },
  );

  it('leaves float-encoded integers, 64-bit integers and other shapes to the general decoder', () => {
    const float64 = new Uint8Array([0x96, 0x01, 0xcb, 0x3f, 0xf0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(readInputFrame(float64)).toBeUndefined();
    expect(decodeClientMsg(float64)).toEqual({ ok: true, msg: [ClientMsg.Input, 1, 0, 0, 0, 0] });
    const uint64 = new Uint8Array([0x96, 0x01, 0xcf, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0]);
    expect(readInputFrame(uint64)).toBeUndefined();
    expect(decodeClientMsg(uint64)).toEqual({ ok: false, reason: 'bad_input: field 1' }); // a BigInt seq
    expect(readInputFrame(encode([ClientMsg.Ping, 5]))).toBeUndefined();
    expect(readInputFrame(encode([ClientMsg.Input, 1, 0, 0, 0]))).toBeUndefined();
  });

  it('refuses truncated frames and trailing bytes instead of reading past them', () => {
    const whole = encode([ClientMsg.Input, 70000, 3, -200, 65536, 2 ** 32 - 1]);
    expect(readInputFrame(whole)).toEqual([ClientMsg.Input, 70000, 3, -200, 65536, 2 ** 32 - 1]);
    for (let n = 0; n < whole.length; n++) expect(readInputFrame(whole.subarray(0, n))).toBeUndefined();
    const longer = new Uint8Array(whole.length + 1);
    longer.set(whole);
    expect(readInputFrame(longer)).toBeUndefined();
    expect(decodeClientMsg(longer)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('never throws and never accepts what the general decoder refuses, on random bytes', () => {
    const r = prng(11);
    for (let i = 0; i < 20_000; i++) {
      const bytes = new Uint8Array(2 + Math.floor(r() * 24));
      for (let j = 0; j < bytes.length; j++) bytes[j] = Math.floor(r() * 256);
      if (r() < 0.5) {
        bytes[0] = 0x96;
        bytes[1] = ClientMsg.Input;
      }
      const fast = readInputFrame(bytes);
      if (fast) expect(validateClientMsg(fast)).toEqual({ ok: true, msg: fast });
    }
  });
});
