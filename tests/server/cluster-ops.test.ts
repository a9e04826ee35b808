/** Operations in the embedded mode: metrics from the loop and sockets, readiness, admin close/kick/chat, drain. */
import { describe, expect, it } from 'vitest';
import { DRAIN_REASON } from '../../game-server/net/drain.js';
import { CloseCode, PROTOCOL_VERSION, RoundPhase, ServerMsg } from '../../protocol/index.js';
import { useHarness } from '../helpers/test-server.js';

const TOKEN = 'ops-test-admin-token-123';
const auth = { authorization: `Bearer ${TOKEN}` };
const quick = { name: 'Ops', room: { kind: 'quick' } } as const;

describe('operations wiring', () => {
  const h = useHarness();

  it('serves metrics from the tick loop and the sockets', async () => {
    const server = await h.start();
    const c = await h.connect(server, quick);
    await c.nextMessage(ServerMsg.Welcome);
    await c.nextState();
    const text = await (await fetch(h.url(server, '/metrics'))).text();
    expect(text).toMatch(/^tickfire_players 1$/m);
    expect(text).toMatch(/^tickfire_rooms 1$/m);
    expect(text).toMatch(/^tickfire_tick_duration_ms_count [1-9]/m);
    expect(text).toMatch(/^tickfire_tick_lateness_ms_count [1-9]/m);
    expect(text).toMatch(/^tickfire_bytes_out_total [1-9]/m);
    expect(text).toMatch(/tickfire_refusals_total|# HELP tickfire_refusals_total/);
    await c.close();

    const after = await (await fetch(h.url(server, '/metrics'))).text();
    expect(after).toMatch(/^tickfire_closes_total\{reason="[a-z_]+"\} 1$/m);
  });

  it('lists, messages, kicks (4007) and closes (4006) through the admin API', async () => {
    const server = await h.start({ adminToken: TOKEN });
    const a = await h.connect(server, quick);
    const welcome = await a.nextMessage(ServerMsg.Welcome);
    const [code, playerId] = [welcome[3], welcome[2]];
    const b = await h.connect(server, { name: 'Other', room: { kind: 'code', code } });
    await b.nextMessage(ServerMsg.Welcome);

    const rooms = (await (await fetch(h.url(server, '/admin/rooms'), { headers: auth })).json()) as {
      code: string;
      players: { name: string }[];
    }[];
    expect(rooms[0]).toMatchObject({ code, players: [{ id: playerId, name: 'Ops' }, { name: 'Other' }] });

    const said = await fetch(h.url(server, `/admin/rooms/${code}/chat`), {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ text: 'hello from ops' }),
    });
    expect(said.status).toBe(200);
    expect((await b.nextMessage(ServerMsg.Chat, (m) => m[3] === 'hello from ops'))[1]).toBe(0);

    const kick = await fetch(h.url(server, `/admin/rooms/${code}/kick/${playerId}`), {
      method: 'POST',
      headers: auth,
    });
    expect(kick.status).toBe(200);
    expect((await a.closed).code).toBe(CloseCode.Kicked);

    const del = await fetch(h.url(server, `/admin/rooms/${code}`), { method: 'DELETE', headers: auth });
    expect(del.status).toBe(200);
    expect((await b.closed).code).toBe(CloseCode.RoomClosed);
    expect(server.registry.get(code)).toBeUndefined();
  });

  it('drains: readiness 503, joins refused, then 1001 with the hint at the deadline', async () => {
    const server = await h.start();
    expect((await fetch(h.url(server, '/readyz'))).status).toBe(200);
    const a = await h.connect(server, quick);
    const welcome = await a.nextMessage(ServerMsg.Welcome);
    const b = await h.connect(server, { name: 'Two', room: { kind: 'code', code: welcome[3] } });
    await b.nextMessage(ServerMsg.Welcome);
    // With two players the round runs (after a countdown when the match flow is on).
    const room = server.registry.get(welcome[3]);
    const running = () =>
      room?.world.round.phase === RoundPhase.Playing || room?.world.round.phase === RoundPhase.Countdown;
    await b.nextState(() => running());
    const drained = server.drain(1500);
    const ready = await fetch(h.url(server, '/readyz'));
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ ready: false, reason: 'draining' });
    const join = await fetch(h.url(server, `/api/join?v=${PROTOCOL_VERSION}&name=Late&quick=1`));
    expect(join.status).toBe(503);
    expect(await a.closed).toEqual({ code: CloseCode.GoingAway, reason: DRAIN_REASON });
    expect(await b.closed).toEqual({ code: CloseCode.GoingAway, reason: DRAIN_REASON });
    await drained;
  });
});
