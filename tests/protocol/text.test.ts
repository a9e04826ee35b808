import { describe, expect, it } from 'vitest';
import { cleanText } from '../../protocol/index.js';

describe('cleanText', () => {
  it.each([
    ['  Ada  ', 'Ada'],
    ['a\u202Eb\u2066c\u200Bd', 'abcd'],
    ['line\nbreak\ttab', 'line break tab'],
    ['e\u0301', '\u00e9'],
    ['<script>alert(1)</script>', '<script>alert(1)</script>'],
  ])('cleans %j to %j', (raw, text) => {
    expect(cleanText(raw, 100)).toEqual({ ok: true, text });
  });

  it('counts code points, not UTF-16 units', () => {
    expect(cleanText('😀'.repeat(4), 4)).toEqual({ ok: true, text: '😀'.repeat(4) });
    expect(cleanText('😀'.repeat(5), 4)).toEqual({ ok: false, reason: 'too_long' });
  });

  it('refuses text that is empty once cleaned', () => {
    expect(cleanText('\u0000\u202E \n', 10)).toEqual({ ok: false, reason: 'empty' });
  });
});
