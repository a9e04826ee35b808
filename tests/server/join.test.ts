import { describe, expect, it } from 'vitest';
import { ClientMsg, Key, PROTOCOL_VERSION, ServerMsg } from '../../protocol/index.js';
import { useHarness } from '../helpers/test-server.js';

const h = useHarness();

describe('joining and playing', () => {
  it('quick play gets Welcome, Roster and State frames with increasing ticks', async () => {
    const server = await h.start();
    const c = await h.connect(server, { name: 'ann', room: { kind: 'quick' } });
    const welcome = await c.nextMessage(ServerMsg.Welcome);
    expect(welcome[1]).toBe(PROTOCOL_VERSION);
    expect(welcome[2]).toBe(1);
    expect(welcome[4]).toBe(`Arena ${welcome[3].slice(0, 4)}`);
    expect(welcome.slice(5, 8)).toEqual([30, 30, 16]);
    const roster = await c.nextMessage(ServerMsg.Roster);
    expect(roster[1]).toEqual([[1, 'ann', 0, 0, 0, 0]]);
    const s1 = await c.nextMessage(ServerMsg.State);
    const s2 = await c.nextMessage(ServerMsg.State);
    const s3 = await c.nextMessage(ServerMsg.State);
    expect(s2[1]).toBeGreaterThan(s1[1]);
    expect(s3[1]).toBeGreaterThan(s2[1]);
    expect(s3[2]).toBeGreaterThanOrEqual(s1[2]);
    expect(server.registry.playerCount).toBe(1);
  });

  it('two players share a room by code; one moves right, the other sees it, and acks reach the last seq', async () => {
    const server = await h.start();
    const a = await h.connect(server, { name: 'mover', room: { kind: 'quick' } });
    const [, , moverId, code] = await a.nextMessage(ServerMsg.Welcome);
    const b = await h.connect(server, { name: 'watcher', room: { kind: 'code', code } });
    const welcomeB = await b.nextMessage(ServerMsg.Welcome);
    expect(welcomeB[3]).toBe(code);
    expect(welcomeB[2]).toBe(2);
    await a.nextMessage(ServerMsg.Roster, (r) => r[1].length === 2);

    const xOf = (players: readonly (readonly number[])[]) => players.find((p) => p[0] === moverId)?.[1] ?? -1;
    const before = xOf((await b.nextState()).state.players);
    const lastSeq = 10;
    for (let seq = 1; seq <= lastSeq; seq++) a.send([ClientMsg.Input, seq, Key.Right, 0, 0, 0]);
    const moved = await b.nextState((s) => xOf(s.state.players) > before);
    expect(xOf(moved.state.players)).toBeGreaterThan(before);
    const acked = await a.nextMessage(ServerMsg.State, (s) => s[3] === lastSeq);
    expect(acked[3]).toBe(lastSeq);
  });

  it('answers a ping with a pong at once', async () => {
    const server = await h.start({ tickRate: 1, snapshotRate: 1 });
    const c = await h.connect(server, { name: 'pinger', room: { kind: 'quick' } });
    c.send([ClientMsg.Ping, 42.25, 0]);
    const pong = await c.nextMessage(ServerMsg.Pong, undefined, 900);
    expect(pong[1]).toBe(42.25);
    expect(Number.isInteger(pong[2])).toBe(true);
  });
});
