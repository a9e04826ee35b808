import { describe, expect, it } from 'vitest';
import { ClientMsg, GameMode, joinQuery, Key, Role, ServerMsg } from '../../protocol/index.js';
import { useHarness } from '../helpers/test-server.js';

const h = useHarness();

describe('spectators on a real server', () => {
  it('a full room refuses a player but takes a spectator, who sees everyone and can chat', async () => {
    const server = await h.start();
    const created = await fetch(h.url(server, '/api/rooms'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Duel', maxPlayers: 2, mode: 'tdm' }),
    });
    const { code } = (await created.json()) as { code: string };
    const room = { kind: 'code', code } as const;
    const a = await h.connect(server, { name: 'ann', room });
    const b = await h.connect(server, { name: 'bob', room });
    const probe = await fetch(h.url(server, `/api/join?${joinQuery('cid', room)}`));
    expect(probe.status).toBe(409);
    const watch = await fetch(h.url(server, `/api/join?${joinQuery('sam', room, { spectate: true })}`));
    expect(watch.status).toBe(200);

    const s = await h.connect(server, joinQuery('sam', room, { spectate: true }));
    const welcome = await s.nextMessage(ServerMsg.Welcome);
    expect(welcome[10]).toBe(GameMode.TeamDeathmatch);
    expect(welcome[11]).toBe(Role.Spectator);
    const myId = welcome[2];
    expect(myId).toBe(3);
    const state = await s.nextState((x) => x.state.players.length === 2, 5_000);
    expect(state.state.players.map((p) => p[0])).toEqual([1, 2]);
    expect(state.ack).toBe(0);

    // Gameplay input from a spectator is ignored; the connection stays open.
    s.send([ClientMsg.Input, 1, Key.Fire | Key.Right, 0, 0, 0]);
    s.send([ClientMsg.Chat, 'nice shot']);
    const line = await a.nextMessage(ServerMsg.Chat, (m) => m[3] === 'nice shot');
    expect(line.slice(1, 4)).toEqual([myId, 'sam', 'nice shot']);
    const roster = await b.nextMessage(ServerMsg.Roster);
    expect(roster[1].map((e) => e[0]).sort()).toEqual([1, 2]);
  });

  it('a spectator that acknowledges its States is sent deltas, a fraction of the full frames', async () => {
    const server = await h.start();
    const created = await fetch(h.url(server, '/api/rooms'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Watched', bots: 0 }),
    });
    const room = { kind: 'code', code: ((await created.json()) as { code: string }).code } as const;
    const players = [];
    for (const name of ['ann', 'bob', 'cid']) players.push(await h.connect(server, { name, room }));
    const eye = await h.connect(server, joinQuery('sam', room, { spectate: true }));
    const first = await eye.nextState((x) => x.state.players.length === 3, 5_000);
    expect(first.baseTick).toBe(0);
    // Players move (and ack) while the spectator acks the newest State it decoded, as the client does.
    const deltas: number[] = [];
    for (let seq = 1; seq <= 60; seq++) {
      for (const p of players)
        p.send([ClientMsg.Input, seq, seq % 40 < 20 ? Key.Right : Key.Down, 0, p.latestTick, 0]);
      eye.send([ClientMsg.Input, seq, 0, 0, eye.latestTick, 0]);
      const next = await eye.nextState();
      expect(next.ack).toBe(0);
      if (next.baseTick > 0) deltas.push(next.bytes.byteLength);
    }
    // All but the first State or two (before its first acknowledgement arrived) are deltas.
    expect(deltas.length).toBeGreaterThan(55);
    const sorted = [...deltas].sort((a, b) => a - b);
    expect(sorted[deltas.length >> 1] as number).toBeLessThan(first.bytes.byteLength / 2);
  });
});
