import { describe, expect, it } from 'vitest';
import { describeClose, describeJoinFailure } from '../../game-client/net/close-reason.js';
import { type FetchLike, preflightJoin } from '../../game-client/net/preflight.js';
import { CloseCode, JoinError, type JoinErrorCode } from '../../protocol/index.js';

const respond =
  (status: number, body: unknown): FetchLike =>
  async () => ({ ok: status >= 200 && status < 300, status, json: async () => body });

describe('close and join messages', () => {
  it('has a distinct sentence for every close code', () => {
    const texts = Object.values(CloseCode).map((c) => describeClose(c, '', true));
    expect(new Set(texts).size).toBe(texts.length);
    expect(describeClose(CloseCode.GoingAway, 'shutdown: restarting for an update', true)).toMatch(
      /shutting down.*restarting for an update/,
    );
    expect(describeClose(CloseCode.Kicked, 'kicked: spamming', true)).toContain('spamming');
    expect(describeClose(1006, '', false)).toBe('Could not connect to the game server.');
  });

  it('has a sentence for every join error', () => {
    for (const code of Object.keys(JoinError) as JoinErrorCode[]) {
      expect(describeJoinFailure(code).length).toBeGreaterThan(10);
    }
  });

  it('preflight maps HTTP answers and network failures', async () => {
    expect(await preflightJoin(respond(200, { code: 'ABCDEF' }), 'ann', { kind: 'quick' })).toEqual({
      ok: true,
      code: 'ABCDEF',
    });
    const full = await preflightJoin(
      respond(409, { error: 'room_full', reason: 'room ABCDEF is full' }),
      'a',
      {
        kind: 'code',
        code: 'ABCDEF',
      },
    );
    expect(full).toMatchObject({ ok: false, error: 'room_full' });
    const down = await preflightJoin(
      async () => {
        throw new TypeError('fetch failed');
      },
      'a',
      { kind: 'quick' },
    );
    expect(down).toMatchObject({ ok: false, error: 'unreachable' });
    let asked = '';
    await preflightJoin(
      async (url) => {
        asked = url;
        return { ok: true, status: 200, json: async () => ({}) };
      },
      'a b',
      { kind: 'code', code: 'ABCDEF' },
    );
    expect(asked).toMatch(/^\/api\/join\?v=\d+&name=a\+b&room=ABCDEF$/);
  });
});
