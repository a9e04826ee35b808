import { describe, expect, it } from 'vitest';
import { useHarness } from '../helpers/test-server.js';

const h = useHarness();

function post(url: string, body: string): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
}

describe('rooms API', () => {
  it('creates a room and lists only public rooms', async () => {
    const server = await h.start();
    const url = h.url(server, '/api/rooms');
    const created = await post(url, JSON.stringify({ name: '  Friday  night ', maxPlayers: 4 }));
    expect(created.status).toBe(201);
    const { code, url: link } = (await created.json()) as { code: string; url: string };
    expect(link).toBe(`http://127.0.0.1:${server.port}/#/room/${code}`);
    const secret = await post(url, JSON.stringify({ name: 'Secret', private: true }));
    const secretCode = ((await secret.json()) as { code: string }).code;

    const list = await (await fetch(url)).json();
    expect(list).toEqual([
      { code, name: 'Friday night', players: 0, maxPlayers: 4, state: 'playing', mode: 'ffa', bots: 0 },
    ]);
    const one = await fetch(h.url(server, `/api/rooms/${secretCode}`));
    expect(await one.json()).toMatchObject({
      code: secretCode,
      name: 'Secret',
      maxPlayers: 16,
      private: true,
    });
    const missing = await fetch(h.url(server, '/api/rooms/ZZZZZZ'));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: 'room_not_found' });
  });

  it.each([
    ['not JSON', '{name:', 'body is not valid JSON'],
    ['no name', '{}', 'name:'],
    ['blank name', '{"name":"   "}', 'name: a room name is required'],
    ['long name', JSON.stringify({ name: 'x'.repeat(33) }), 'name: at most 32'],
    ['too few players', '{"name":"a","maxPlayers":1}', 'maxPlayers:'],
    ['too many players', '{"name":"a","maxPlayers":65}', 'maxPlayers:'],
    ['fractional players', '{"name":"a","maxPlayers":2.5}', 'maxPlayers:'],
    ['private not boolean', '{"name":"a","private":"yes"}', 'private:'],
  ])('refuses %s with 400 and a specific reason', async (_label, body, reason) => {
    const server = await h.start();
    const res = await post(h.url(server, '/api/rooms'), body);
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: string; reason: string };
    expect(json.error).toBe('bad_request');
    expect(json.reason.startsWith(reason)).toBe(true);
  });

  it('names every bad field of a request, not only the first', async () => {
    const server = await h.start();
    const reasonOf = async (body: string) => {
      const res = await post(h.url(server, '/api/rooms'), body);
      expect(res.status).toBe(400);
      return ((await res.json()) as { reason: string }).reason;
    };
    expect(await reasonOf('{"name":"a","maxPlayers":1,"private":"yes"}')).toBe(
      'maxPlayers: must be an integer from 2 to 100; private: must be true or false',
    );
    // The checks past the field types too: a blank name, and too many players for the standard arena.
    expect(await reasonOf('{"name":" ","maxPlayers":99,"mode":"ctf"}')).toBe(
      "name: a room name is required; mode: must be 'ffa' or 'tdm'; maxPlayers: at most 64 in the standard arena",
    );
    // 99 players is fine in the large arena.
    expect(await reasonOf('{"name":"","maxPlayers":99,"arena":"large"}')).toBe(
      'name: a room name is required',
    );
  });

  it('refuses oversized bodies with 413 and the room limit with 503', async () => {
    const server = await h.start({ maxRooms: 1 });
    const big = await post(
      h.url(server, '/api/rooms'),
      JSON.stringify({ name: 'a', pad: 'x'.repeat(10_000) }),
    );
    expect(big.status).toBe(413);
    expect((await post(h.url(server, '/api/rooms'), '{"name":"one"}')).status).toBe(201);
    const full = await post(h.url(server, '/api/rooms'), '{"name":"two"}');
    expect(full.status).toBe(503);
    expect(await full.json()).toMatchObject({ error: 'server_full' });
  });
});
