import { describe, expect, it } from 'vitest';
import { ClientMsg, CloseCode, Key, NoticeCode, PROTOCOL_VERSION, ServerMsg } from '../../protocol/index.js';
import { createFakeClient } from '../helpers/fake-client.js';
import { makeTestRoom as makeRoom } from '../helpers/room.js';

describe('Room', () => {
  it('welcomes a player with room-local ids from 1, then sends the roster', () => {
    const { room } = makeRoom();
    const a = createFakeClient();
    const b = createFakeClient();
    expect(room.join('ann', a)).toEqual({ ok: true, playerId: 1 });
    expect(room.join('bob', b)).toEqual({ ok: true, playerId: 2 });
    expect(a.frames[0]).toEqual([
      ServerMsg.Welcome,
      PROTOCOL_VERSION,
      1,
      'ABCDEF',
      'Test room',
      30,
      30,
      2,
      500,
      1,
      1,
      1,
      '',
    ]);
    expect(a.frames[1]?.[0]).toBe(ServerMsg.Roster);
    expect(
      a
        .of(ServerMsg.Roster)
        .at(-1)?.[1]
        .map((e) => e[1]),
    ).toEqual(['ann', 'bob']);
  });

  it('greets a joining player with Welcome, Roster and Pickups in one cork; the others get the Roster', () => {
    const { room } = makeRoom();
    const a = createFakeClient();
    room.join('ann', a);
    const b = createFakeClient();
    const corked: number[][] = [];
    b.cork = (fn) => {
      const from = b.frames.length;
      fn();
      corked.push(b.frames.slice(from).map((f) => f[0]));
    };
    const before = a.frames.length;
    room.join('bob', b);
    expect(corked).toEqual([[ServerMsg.Welcome, ServerMsg.Roster, ServerMsg.Pickups]]);
    expect(b.frames.map((f) => f[0])).toEqual([ServerMsg.Welcome, ServerMsg.Roster, ServerMsg.Pickups]);
    expect(a.frames.slice(before).map((f) => f[0])).toEqual([ServerMsg.Roster]);
  });

  it('refuses a player when full', () => {
    const { room } = makeRoom();
    room.join('a', createFakeClient());
    room.join('b', createFakeClient());
    expect(room.join('c', createFakeClient())).toEqual({ ok: false, error: 'room_full' });
  });

  it('applies one input per tick, sheds a burst backlog (counted late) and acks its seq in State', () => {
    const { room } = makeRoom();
    const a = createFakeClient();
    room.join('ann', a);
    for (let seq = 1; seq <= 3; seq++) room.receive(1, [ClientMsg.Input, seq, Key.Right, 0, 0, 0]);
    room.tick();
    room.tick();
    const states = a.of(ServerMsg.State);
    expect(states.map((s) => [s[1], s[3]])).toEqual([
      [1, 2],
      [2, 3],
    ]);
    expect(room.stats.inputsLate).toBe(1);
  });

  it('a tick without a player’s input keeps its last one’s keys and view lag; a player who left takes its input along', () => {
    const { room, timers } = makeRoom();
    room.join('ann', createFakeClient());
    room.join('bob', createFakeClient());
    const ann = room.world.players.get(1);
    // Ann's view is 100 ms behind the server when her Input is applied.
    room.receive(1, [ClientMsg.Input, 1, Key.Right, 0, 0, Math.round(timers.now()) - 100]);
    room.receive(2, [ClientMsg.Input, 1, Key.Left, 0, 0, 0]);
    room.tick();
    expect(ann?.viewLagMs).toBe(100);
    room.leave(2);
    const x = ann?.x ?? 0;
    // Later ticks have no Input of hers: her view lag does not grow with the server clock (as an
    // Input applied again would make it), and she keeps moving right.
    for (let t = 0; t < 3; t++) {
      timers.advance(33);
      room.tick();
    }
    expect(ann?.viewLagMs).toBe(100);
    expect(ann?.x).toBeGreaterThan(x);
    const held = (room as unknown as { tickInputs: Map<number, unknown> }).tickInputs;
    expect([...held.keys()]).toEqual([]);
  });

  it('sends State at the snapshot rate only', () => {
    const { room } = makeRoom({ tickHz: 30, snapshotHz: 10 });
    const a = createFakeClient();
    room.join('ann', a);
    for (let i = 0; i < 30; i++) room.tick();
    expect(a.of(ServerMsg.State).map((s) => s[1])).toEqual([3, 6, 9, 12, 15, 18, 21, 24, 27, 30]);
  });

  it('skips State for a client over the backpressure threshold and counts it', () => {
    const { room } = makeRoom();
    const a = createFakeClient();
    room.join('ann', a);
    a.buffered = 1 << 20;
    room.tick();
    expect(a.of(ServerMsg.State)).toHaveLength(0);
    expect(room.stats.stateFramesSkipped).toBe(1);
  });

  it('answers ping at once and rate-limits chat with a notice', () => {
    const { room } = makeRoom();
    const a = createFakeClient();
    room.join('ann', a);
    room.receive(1, [ClientMsg.Ping, 123.5, 0]);
    expect(a.of(ServerMsg.Pong)).toEqual([[ServerMsg.Pong, 123.5, 500]]);
    for (let i = 0; i < 6; i++) room.receive(1, [ClientMsg.Chat, `hi ${i}`]);
    expect(a.of(ServerMsg.Chat)).toHaveLength(5);
    expect(a.of(ServerMsg.Notice).map((n) => n[1])).toEqual([NoticeCode.ChatRateLimited]);
    room.receive(1, [ClientMsg.Chat, '   ']);
    expect(a.of(ServerMsg.Notice).at(-1)?.[1]).toBe(NoticeCode.ChatRateLimited);
  });

  it('disposes itself emptyTtlMs after the last player leaves, unless someone joins', () => {
    const { room, timers, expired } = makeRoom();
    room.join('ann', createFakeClient());
    room.leave(1);
    timers.advance(29_999);
    room.join('bob', createFakeClient());
    timers.advance(60_000);
    expect(expired).toHaveLength(0);
    room.leave(2);
    timers.advance(30_000);
    expect(expired).toEqual([room]);
    expect(room.disposed).toBe(true);
    expect(room.join('late', createFakeClient())).toEqual({ ok: false, error: 'room_not_found' });
  });

  it('ends every client on dispose', () => {
    const { room } = makeRoom();
    const a = createFakeClient();
    room.join('ann', a);
    room.dispose(CloseCode.GoingAway, 'server_shutdown');
    expect(a.ended).toEqual({ code: CloseCode.GoingAway, reason: 'server_shutdown' });
  });
});
