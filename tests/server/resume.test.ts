import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../../game-server/net/server.js';
import {
  ClientMsg,
  CloseCode,
  POSITION_SCALE,
  RosterFlag,
  RoundPhase,
  resumeQuery,
  ServerMsg,
} from '../../protocol/index.js';
import { useHarness } from '../helpers/test-server.js';
import { refusedUpgrade, type TestClient } from '../helpers/ws-client.js';

const h = useHarness();

async function twoPlayers(server: RunningServer) {
  const a = await h.connect(server, { name: 'ann', room: { kind: 'quick' } });
  const wa = await a.nextMessage(ServerMsg.Welcome);
  const b = await h.connect(server, { name: 'bob', room: { kind: 'code', code: wa[3] } });
  await b.nextMessage(ServerMsg.Welcome);
  // Two players end the warmup, which resets scores and respawns everyone: start from after that.
  await b.nextState((s) => s.state.round[0] !== RoundPhase.Warmup);
  return { a, b, id: wa[2], code: wa[3], token: wa[12] };
}

const awayIn = (c: TestClient, id: number, away: boolean) =>
  c.nextMessage(ServerMsg.Roster, (m) =>
    m[1].some((e) => e[0] === id && (e[5] & RosterFlag.Away) === (away ? RosterFlag.Away : 0)),
  );

describe('resume', () => {
  it('a dropped connection resumes the same player, score and position, with a new token', async () => {
    const server = await h.start();
    const { a, b, id, code, token } = await twoPlayers(server);
    expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const player = server.registry.get(code)!.world.players.get(id)!;

    a.ws.terminate();
    await awayIn(b, id, true);
    player.kills = 2; // the same SimPlayer object must come back, score and all
    player.deaths = 1;
    const { x, y } = player;
    expect(server.registry.get(code)!.playerCount).toBe(2);

    const probe = await fetch(h.url(server, `/api/join?${resumeQuery(token)}`));
    expect(probe.status).toBe(200);
    expect(await probe.json()).toEqual({ code });

    const r = await h.connect(server, resumeQuery(token));
    const w = await r.nextMessage(ServerMsg.Welcome);
    expect(w[2]).toBe(id);
    expect(w[3]).toBe(code);
    expect(w[12]).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(w[12]).not.toBe(token);
    const roster = await r.nextMessage(ServerMsg.Roster);
    expect(roster[1].find((e) => e[0] === id)?.slice(0, 4)).toEqual([id, 'ann', 2, 1]);
    await awayIn(b, id, false);
    const s = await r.nextState();
    expect(s.baseTick).toBe(0);
    const me = s.state.players.find((p) => p[0] === id)!;
    expect(Math.abs(me[1] / POSITION_SCALE - x)).toBeLessThan(1);
    expect(Math.abs(me[2] / POSITION_SCALE - y)).toBeLessThan(1);

    // The redeemed token is spent.
    const again = await refusedUpgrade(server.port, resumeQuery(token));
    expect(again.status).toBe(410);
    expect(again.body).toMatchObject({ error: 'resume_failed' });
  });

  it('refuses a forged token at the upgrade and at GET /api/join', async () => {
    const server = await h.start();
    await twoPlayers(server);
    const forged = 'AAAAAAAAAAAAAAAAAAAAAA';
    const up = await refusedUpgrade(server.port, resumeQuery(forged));
    expect(up.status).toBe(410);
    expect(up.body).toMatchObject({ error: 'resume_failed' });
    const probe = await fetch(h.url(server, `/api/join?${resumeQuery(forged)}`));
    expect(probe.status).toBe(410);
    expect(JSON.stringify(await probe.json())).not.toContain(forged);
  });

  it('refuses a resume after the grace period, once the player was removed', async () => {
    const server = await h.start({ resumeGraceS: 0.3 });
    const { a, b, id, code, token } = await twoPlayers(server);
    a.ws.terminate();
    await awayIn(b, id, true);
    await b.nextMessage(ServerMsg.Roster, (m) => !m[1].some((e) => e[0] === id));
    expect(server.registry.get(code)!.playerCount).toBe(1);
    const up = await refusedUpgrade(server.port, resumeQuery(token));
    expect(up.status).toBe(410);
  });

  it('replaces a still-open socket with 4009 and keeps the seat', async () => {
    const server = await h.start();
    const { a, id, token } = await twoPlayers(server);
    const r = await h.connect(server, resumeQuery(token));
    expect((await r.nextMessage(ServerMsg.Welcome))[2]).toBe(id);
    expect((await a.closed).code).toBe(CloseCode.Replaced);
    await r.nextState();
    expect(server.registry.all().next().value?.world.players.has(id)).toBe(true);
  });

  it("Inputs on a resumed socket reach the seat's queue (after a drop and when replacing a live socket)", async () => {
    const server = await h.start();
    const { a, b, id, token } = await twoPlayers(server);
    a.send([ClientMsg.Input, 1, 0, 0, 0, 0]);
    await a.nextState((s) => s.ack === 1);

    // Dropped, then resumed: the new socket's Inputs are acked (seq continues after the last applied).
    a.ws.terminate();
    await awayIn(b, id, true);
    const r = await h.connect(server, resumeQuery(token));
    const w = await r.nextMessage(ServerMsg.Welcome);
    expect(w[2]).toBe(id);
    r.send([ClientMsg.Input, 2, 0, 0, 0, 0]);
    expect((await r.nextState((s) => s.ack === 2)).ack).toBe(2);

    // Resumed again while that socket is still open: it is replaced (4009), the new one's Inputs are acked.
    const r2 = await h.connect(server, resumeQuery(w[12]));
    expect((await r2.nextMessage(ServerMsg.Welcome))[2]).toBe(id);
    expect(await r.closed).toEqual({
      code: CloseCode.Replaced,
      reason: 'replaced: this seat was resumed by another connection',
    });
    r2.send([ClientMsg.Input, 3, 0, 0, 0, 0]);
    expect((await r2.nextState((s) => s.ack === 3)).ack).toBe(3);
  });

  it('frees the seat at once when the client leaves with 1000', async () => {
    const server = await h.start();
    const { a, b, id, token } = await twoPlayers(server);
    a.ws.close(1000, 'leaving'); // what the browser client sends on Leave (a bare close() is 1005, which holds)
    await b.nextMessage(ServerMsg.Roster, (m) => !m[1].some((e) => e[0] === id));
    expect((await refusedUpgrade(server.port, resumeQuery(token))).status).toBe(410);
  });

  it('holds at most --max-held-seats-per-ip dropped seats per address; a drop past it frees the seat', async () => {
    const server = await h.start({ maxHeldSeatsPerIp: 2 });
    const host = await h.connect(server, { name: 'host', room: { kind: 'quick' } });
    const code = (await host.nextMessage(ServerMsg.Welcome))[3];
    const join = async (name: string) => {
      const c = await h.connect(server, { name, room: { kind: 'code', code } });
      const w = await c.nextMessage(ServerMsg.Welcome);
      return { c, id: w[2], token: w[12] };
    };
    const d1 = await join('d1');
    const d2 = await join('d2');
    const d3 = await join('d3');
    const room = server.registry.get(code)!;
    expect(room.playerCount).toBe(4);

    // One at a time, so which drop crosses the cap is known.
    d1.c.ws.terminate();
    await awayIn(host, d1.id, true);
    d2.c.ws.terminate();
    await awayIn(host, d2.id, true);
    d3.c.ws.terminate();
    await host.nextMessage(ServerMsg.Roster, (m) => !m[1].some((e) => e[0] === d3.id));
    expect(room.playerCount).toBe(3);
    expect(server.resume.heldBy('127.0.0.1')).toBe(2);
    expect((await refusedUpgrade(server.port, resumeQuery(d3.token))).status).toBe(410);

    // A seat within the cap still resumes, and frees its place.
    const r = await h.connect(server, resumeQuery(d1.token));
    expect((await r.nextMessage(ServerMsg.Welcome))[2]).toBe(d1.id);
    await awayIn(host, d1.id, false);
    expect(server.resume.heldBy('127.0.0.1')).toBe(1);
    expect(room.playerCount).toBe(3);
  });
});
