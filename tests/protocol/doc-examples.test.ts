import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encode } from '../../protocol/index.js';

const doc = readFileSync(join(import.meta.dirname, '..', '..', 'PROTOCOL.md'), 'utf8');

/** Every "`[message]` (…) is `hex bytes`" example of PROTOCOL.md, as [message JSON, hex]. */
function examples(): [string, string][] {
  const out: [string, string][] = [];
  for (const m of doc.matchAll(/`(\[[^`]+\])`(?:\s*\([^)]*\))?\s+is\s+`([0-9a-f ]+)`/g))
    out.push([m[1] as string, (m[2] as string).replace(/\s+/g, '')]);
  return out;
}

describe('PROTOCOL.md examples', () => {
  it('documents example frames', () => {
    expect(examples().map(([msg]) => msg)).toEqual(
      expect.arrayContaining([
        '[1, 7, 9, -1571, 0, 0]',
        '[2, "gg"]',
        '[3, 12.5, 42]',
        '[9, [4, 35, 7, 120]]',
      ]),
    );
  });

  it.each(examples())('%s is encoded as documented', (msg, hex) => {
    expect(Buffer.from(encode(JSON.parse(msg))).toString('hex')).toBe(hex);
  });
});
