import { decode as decodeStd, encode as encodeStd } from '@msgpack/msgpack';
import { describe, expect, it } from 'vitest';
import { type ClientMessage, ClientMsg, encode, MAX_CLIENT_FRAME_BYTES } from '../../protocol/index.js';
import { decodeClientMsg } from '../../protocol/validate.js';
import { seededRandom } from '../helpers/hostile-frames.js';

describe('client message codec', () => {
  const valid: ClientMessage[] = [
    [ClientMsg.Input, 1, 0, 0, 0, 0],
    [ClientMsg.Input, 0xffff_ffff, 31, -3142, 0xffff_ffff, 0xffff_ffff],
    [ClientMsg.Input, 42, 16 | 8, 3142, 40, 1333],
    [ClientMsg.Chat, 'hello <b>all</b>'],
    [ClientMsg.Ping, 12345.678, 42],
  ];
  it.each(valid.map((m) => [m]))('round-trips %j', (msg) => {
    const r = decodeClientMsg(encode(msg));
    expect(r).toEqual({ ok: true, msg });
  });

  it('produces standard msgpack that another implementation reads identically', () => {
    for (const msg of valid) expect(decodeStd(encode(msg))).toEqual(msg);
    for (const msg of valid) expect(decodeClientMsg(encodeStd(msg))).toEqual({ ok: true, msg });
  });

  const invalid: [string, unknown, string][] = [
    ['a map', { kind: 1 }, 'not_array'],
    ['a string', 'hi', 'not_array'],
    ['an unknown kind', [9, 1], 'unknown_kind'],
    ['a kind of the wrong type', ['1', 1, 0, 0], 'unknown_kind'],
    ['seq 0', [1, 0, 0, 0, 0, 0], 'bad_input: field 1'],
    ['a fractional seq', [1, 1.5, 0, 0, 0, 0], 'bad_input: field 1'],
    ['a seq beyond uint32', [1, 2 ** 32, 0, 0, 0, 0], 'bad_input: field 1'],
    ['undefined key bits', [1, 1, 32, 0, 0, 0], 'bad_input: field 2'],
    ['negative keys', [1, 1, -1, 0, 0, 0], 'bad_input: field 2'],
    ['aim out of range', [1, 1, 0, 4000, 0, 0], 'bad_input: field 3'],
    ['aim NaN', [1, 1, 0, Number.NaN, 0, 0], 'bad_input: field 3'],
    ['aim Infinity', [1, 1, 0, Number.POSITIVE_INFINITY, 0, 0], 'bad_input: field 3'],
    ['a negative base tick', [1, 1, 0, 0, -1, 0], 'bad_input: field 4'],
    ['a fractional view time', [1, 1, 0, 0, 0, 0.5], 'bad_input: field 5'],
    ['a missing field', [1, 1, 0, 0, 0], 'bad_input'],
    ['an extra field', [1, 1, 0, 0, 0, 0, 5], 'bad_input'],
    ['chat that is not text', [2, 5], 'bad_chat: field 1'],
    ['ping without time', [3], 'bad_ping'],
    ['ping with nested arrays', [3, [[[[1]]]], 0], 'bad_ping: field 1'],
    ['ping without its rttMs (version 4)', [3, 12.5], 'bad_ping'],
    ['ping with a negative rttMs', [3, 12.5, -1], 'bad_ping: field 2'],
    ['ping with a fractional rttMs', [3, 12.5, 40.5], 'bad_ping: field 2'],
    ['ping with an rttMs over 9999', [3, 12.5, 10_000], 'bad_ping: field 2'],
  ];
  it.each(invalid)('refuses %s', (_label, raw, reason) => {
    const r = decodeClientMsg(encodeStd(raw));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason.startsWith(reason)).toBe(true);
  });

  it('refuses empty, truncated, oversized and garbage frames without throwing', () => {
    expect(decodeClientMsg(new Uint8Array())).toEqual({ ok: false, reason: 'empty' });
    expect(decodeClientMsg(new Uint8Array(MAX_CLIENT_FRAME_BYTES + 1))).toEqual({
      ok: false,
      reason: 'too_large',
    });
    expect(decodeClientMsg(new Uint8Array([0x94, 0x01]))).toEqual({ ok: false, reason: 'malformed' });
    expect(decodeClientMsg(new Uint8Array([0xc1]))).toMatchObject({ ok: false });
  });

  it('never throws on random bytes', () => {
    const rnd = seededRandom(7);
    for (let i = 0; i < 2000; i++) {
      const bytes = new Uint8Array(1 + Math.floor(rnd() * 40)).map(() => Math.floor(rnd() * 256));
      const r = decodeClientMsg(bytes);
      if (r.ok) expect(Array.isArray(r.msg)).toBe(true);
    }
  });
});
