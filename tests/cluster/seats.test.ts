import { describe, expect, it } from 'vitest';
import { clusterKeys, SEAT_TOKEN_PATTERN } from '../../game-server/cluster/index.js';
import { seatDigest } from '../../game-server/cluster/seat-tokens.js';
import { localRoom, useCluster } from '../helpers/cluster-fixture.js';

const fx = useCluster();

const room = localRoom;

async function twoNodes(seatTtlMs?: number) {
  const p = fx.prefix();
  const a = await fx.node(p, { publicUrl: 'http://a.example:8081', ...(seatTtlMs ? { seatTtlMs } : {}) });
  const b = await fx.node(p, seatTtlMs ? { seatTtlMs } : {});
  await a.registerRoom(room('AAAAAA'));
  return { p, a, b };
}

describe.skipIf(fx.skipReason !== null)('ClusterDirectory: seat tokens', () => {
  it('a seat reserved through B is consumed once on A; reuse is refused', async () => {
    const { a, b } = await twoNodes();
    const r = await b.reserveSeat('AAAAAA', 'alice');
    if (!r.ok) throw new Error(r.reason);
    expect(r).toMatchObject({ code: 'AAAAAA', nodeId: a.nodeId, url: 'http://a.example:8081' });
    expect(r.token).toMatch(SEAT_TOKEN_PATTERN);
    expect(await a.consumeSeat(r.token)).toEqual({ ok: true, seat: { code: 'AAAAAA', name: 'alice' } });
    const again = await a.consumeSeat(r.token);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.reason).toMatch(/^invalid_seat:/);
  });

  it('refuses forged tokens', async () => {
    const { a, b } = await twoNodes();
    const r = await b.reserveSeat('AAAAAA', 'alice');
    if (!r.ok) throw new Error(r.reason);
    const flipped = (r.token[0] === 'A' ? 'B' : 'A') + r.token.slice(1);
    for (const forged of [flipped, '', 'A'.repeat(22), `${r.token}x`, '*'.repeat(22)]) {
      expect((await a.consumeSeat(forged)).ok).toBe(false);
    }
    // The real one is untouched by the attempts.
    expect((await a.consumeSeat(r.token)).ok).toBe(true);
  });

  it('refuses an expired token', async () => {
    const { p, a, b } = await twoNodes(200);
    const r = await b.reserveSeat('AAAAAA', 'alice');
    if (!r.ok) throw new Error(r.reason);
    const watch = await fx.watchExpiry(clusterKeys(p).seat(seatDigest(r.token)));
    await watch.expired;
    const late = await a.consumeSeat(r.token);
    expect(late.ok).toBe(false);
  });

  it('a token presented to the wrong node is refused there and stays valid for its node', async () => {
    const { a, b } = await twoNodes();
    const r = await a.reserveSeat('AAAAAA', 'alice');
    if (!r.ok) throw new Error(r.reason);
    const wrong = await b.consumeSeat(r.token);
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.reason).toMatch(/^wrong_node:/);
    expect((await a.consumeSeat(r.token)).ok).toBe(true);
  });

  it('refuses seats in unknown, full or draining rooms', async () => {
    const { a, b } = await twoNodes();
    await a.registerRoom(room('FFFFFF', { players: 8 }));
    expect(await b.reserveSeat('ZZZZZZ', 'x')).toMatchObject({ ok: false, error: 'room_not_found' });
    expect(await b.reserveSeat('FFFFFF', 'x')).toMatchObject({ ok: false, error: 'room_full' });
    await a.drain();
    expect(await b.reserveSeat('AAAAAA', 'x')).toMatchObject({ ok: false, error: 'room_not_found' });
  });

  it('never stores the token itself in Redis', async () => {
    const { p, b } = await twoNodes();
    const r = await b.reserveSeat('AAAAAA', 'alice');
    if (!r.ok) throw new Error(r.reason);
    const keys = await fx.client().keys(`${p}*`);
    expect(keys.some((k) => k.includes(r.token))).toBe(false);
    expect(keys).toContain(clusterKeys(p).seat(seatDigest(r.token)));
    expect(JSON.stringify(b)).not.toContain(r.token);
  });
});
