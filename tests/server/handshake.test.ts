import { describe, expect, it } from 'vitest';
import { JoinError, PROTOCOL_VERSION, ServerMsg } from '../../protocol/index.js';
import { useHarness } from '../helpers/test-server.js';
import { refusedUpgrade } from '../helpers/ws-client.js';

const h = useHarness();

describe('handshake validation (upgrade and /api/join agree)', () => {
  it.each([
    ['version mismatch', 'v=99&name=ann&quick=1', 426, 'version_mismatch'],
    ['missing name', `v=${PROTOCOL_VERSION}&quick=1`, 400, 'bad_name'],
    ['neither room nor quick', `v=${PROTOCOL_VERSION}&name=ann`, 400, 'bad_request'],
    ['unknown room', `v=${PROTOCOL_VERSION}&name=ann&room=ZZZZZZ`, 404, 'room_not_found'],
  ])('%s => %i', async (_label, query, status, error) => {
    const server = await h.start();
    const upgrade = await refusedUpgrade(server.port, query);
    expect(upgrade.status).toBe(status);
    expect(upgrade.body).toMatchObject({ error, reason: expect.any(String) });
    const probe = await fetch(h.url(server, `/api/join?${query}`));
    expect(probe.status).toBe(status);
    expect(await probe.json()).toEqual(upgrade.body);
  });

  it('a full room => 409 room_full on both paths', async () => {
    const server = await h.start();
    const room = server.registry.create({ name: 'Duel', maxPlayers: 2, isPrivate: false });
    if (!room) throw new Error('no room');
    const join = { name: 'p', room: { kind: 'code', code: room.code } } as const;
    await (await h.connect(server, join)).nextMessage(ServerMsg.Welcome);
    await (await h.connect(server, join)).nextMessage(ServerMsg.Welcome);
    const upgrade = await refusedUpgrade(server.port, join);
    expect(upgrade.status).toBe(JoinError.room_full);
    expect(upgrade.body).toMatchObject({ error: 'room_full' });
    const probe = await fetch(h.url(server, `/api/join?v=${PROTOCOL_VERSION}&name=p&room=${room.code}`));
    expect(probe.status).toBe(409);
  });

  it('/api/join answers the room code it would use, creating none for quick play', async () => {
    const server = await h.start();
    const empty = await fetch(h.url(server, `/api/join?v=${PROTOCOL_VERSION}&name=ann&quick=1`));
    expect(await empty.json()).toEqual({ code: null });
    expect(server.registry.size).toBe(0);
    const c = await h.connect(server, { name: 'ann', room: { kind: 'quick' } });
    const [, , , code] = await c.nextMessage(ServerMsg.Welcome);
    const quick = await fetch(h.url(server, `/api/join?v=${PROTOCOL_VERSION}&name=bob&quick=1`));
    expect(await quick.json()).toEqual({ code });
    const byCode = await fetch(
      h.url(server, `/api/join?v=${PROTOCOL_VERSION}&name=bob&room=${code.toLowerCase()}`),
    );
    expect(await byCode.json()).toEqual({ code });
  });

  it('server_full => 503 when quick play would need a room beyond max-rooms', async () => {
    const server = await h.start({ maxRooms: 1 });
    server.registry.create({ name: 'Private', maxPlayers: 2, isPrivate: true });
    const upgrade = await refusedUpgrade(server.port, `v=${PROTOCOL_VERSION}&name=ann&quick=1`);
    expect(upgrade.status).toBe(503);
    expect(upgrade.body).toMatchObject({ error: 'server_full' });
  });
});
