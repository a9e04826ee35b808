import { describe, expect, it } from 'vitest';
import { cleanText, MAX_CLIENT_FRAME_BYTES } from '../../protocol/index.js';
import { decodeClientMsg } from '../../protocol/validate.js';
import { invalidFrame, seededRandom, TRAP_FRAMES } from '../helpers/hostile-frames.js';

describe('decoding hostile frames', () => {
  it('refuses every trap cheaply: no big allocation, no deep recursion, no throw', () => {
    const before = process.memoryUsage().rss;
    const t0 = performance.now();
    for (let round = 0; round < 200; round++) {
      for (const f of TRAP_FRAMES) expect(decodeClientMsg(f).ok).toBe(false);
    }
    // 200 rounds of every trap, including declared lengths of 4 GiB: well under a millisecond each.
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(process.memoryUsage().rss - before).toBeLessThan(64 * 2 ** 20);
  });

  it('a 512-byte frame nested as deep as it can be decodes without overflowing the stack', () => {
    const deep = Uint8Array.from([...new Array(MAX_CLIENT_FRAME_BYTES - 1).fill(0x91), 0x01]);
    expect(decodeClientMsg(deep)).toEqual({ ok: false, reason: 'unknown_kind' });
  });

  it('NaN and Infinity are refused as numbers', () => {
    const nanSeq = Uint8Array.from([0x96, 0x01, 0xcb, 0x7f, 0xf8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(decodeClientMsg(nanSeq)).toMatchObject({ ok: false, reason: 'bad_input: field 1' });
    const infPing = Uint8Array.from([0x93, 0x03, 0xcb, 0x7f, 0xf0, 0, 0, 0, 0, 0, 0, 0x00]);
    expect(decodeClientMsg(infPing)).toMatchObject({ ok: false, reason: 'bad_ping: field 1' });
  });

  it('never throws on 20,000 random and mutated frames', () => {
    const rnd = seededRandom(42);
    for (let i = 0; i < 20_000; i++) expect(decodeClientMsg(invalidFrame(rnd)).ok).toBe(false);
  });
});

describe('cleanText against abuse', () => {
  it.each([
    ['zalgo is cut to 3 marks per letter', `Z${'\u0336\u0337\u0338'.repeat(20)}!`, 'Z\u0336\u0337\u0338!'],
    ['leading marks are dropped', '\u0301\u0302abc', 'abc'],
    ['invisible fillers vanish', 'a\u3164\u115F\u00AD\u034Fb', 'ab'],
    ['Arabic letter mark and tags vanish', 'x\u061Cy\u{E0041}', 'xy'],
    ['real scripts keep their marks', 'नमस्ते Tiếng', 'नमस्ते Tiếng'],
  ])('%s', (_label, raw, text) => {
    expect(cleanText(raw, 100)).toEqual({ ok: true, text });
  });

  it('a name of only invisible characters is empty', () => {
    expect(cleanText('\u3164\u3164\u200B\uFFA0', 16)).toEqual({ ok: false, reason: 'empty' });
  });

  it('refuses huge raw input before any work', () => {
    expect(cleanText('a'.repeat(10_000), 16)).toEqual({ ok: false, reason: 'too_long' });
  });
});
