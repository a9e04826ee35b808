import { describe, expect, it } from 'vitest';
import { FrameLimits } from '../../game-server/net/frame-limits.js';
import { closeHoldsSeat, ResumeService } from '../../game-server/net/resume-upgrade.js';
import { createSession, type Session } from '../../game-server/net/session.js';
import { ClientMsg, CloseCode, Key, RosterFlag, ServerMsg } from '../../protocol/index.js';
import { createFakeClient, type FakeClient } from '../helpers/fake-client.js';
import { makeTestRoom } from '../helpers/room.js';

function setup(graceS = 20) {
  const { room, timers } = makeTestRoom({ name: 'Seats', maxPlayers: 4, emptyTtlMs: 60_000, seed: 3 }, 1000);
  const service = new ResumeService({ graceS, room: (c) => (c === room.code ? room : undefined), timers });
  const connect = (name: string): { s: Session; c: FakeClient } => {
    const s = createSession(room, name, '127.0.0.1', new FrameLimits(30, timers.now));
    const c = createFakeClient();
    const out = room.join(name, c, service.tokenFor(s));
    if (!out.ok) throw new Error(out.error);
    s.playerId = out.playerId;
    return { s, c };
  };
  const resume = (token: string): { s: Session; c: FakeClient; failed: string | null } => {
    const t = service.find(token);
    const s = createSession(t?.room ?? room, t?.name ?? '', '127.0.0.1', new FrameLimits(30, timers.now));
    s.resume = token;
    const c = createFakeClient();
    return { s, c, failed: service.open(s, c) };
  };
  const lastRoster = (c: FakeClient) => c.of(ServerMsg.Roster).at(-1)?.[1] ?? [];
  return { timers, room, service, connect, resume, lastRoster };
}

describe('seats: detach and attach', () => {
  it('issues a resume token in Welcome', () => {
    const { connect } = setup();
    const { s, c } = connect('ann');
    const welcome = c.of(ServerMsg.Welcome)[0];
    expect(welcome?.[12]).toBe(s.resumeToken);
    expect(s.resumeToken).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('a dropped seat stays in the world, stands still and is Away; a resume takes it back with a new token', () => {
    const { room, service, connect, resume, lastRoster } = setup();
    const a = connect('ann');
    const b = connect('bob');
    room.receive(a.s.playerId, [ClientMsg.Input, 1, Key.Right, 0, 0, 0]);
    for (let i = 0; i < 10; i++) room.tick();
    const p = room.world.players.get(a.s.playerId);
    expect(p?.keys).toBe(Key.Right);
    p!.kills = 3;

    service.closed(a.s, 1006);
    expect(room.isDetached(a.s.playerId)).toBe(true);
    expect(p?.keys).toBe(0);
    const away = lastRoster(b.c).find((e) => e[0] === a.s.playerId);
    expect((away?.[5] ?? 0) & RosterFlag.Away).toBe(RosterFlag.Away);
    const x = p!.x;
    const framesBuilt = () => room.states.stats.fullFrames + room.states.stats.deltaFrames;
    const built = framesBuilt();
    for (let i = 0; i < 10; i++) room.tick();
    expect(room.world.players.get(a.s.playerId)?.x).toBe(x);
    expect(framesBuilt() - built).toBe(10); // b's States only: none is built for the detached seat
    expect(room.playerCount).toBe(2);

    const old = a.s.resumeToken;
    const r = resume(old);
    expect(r.failed).toBeNull();
    expect(r.s.playerId).toBe(a.s.playerId);
    expect(r.s.resumeToken).not.toBe(old);
    expect(r.c.of(ServerMsg.Welcome)[0]?.[12]).toBe(r.s.resumeToken);
    expect(room.world.players.get(a.s.playerId)?.kills).toBe(3);
    expect((lastRoster(b.c).find((e) => e[0] === a.s.playerId)?.[5] ?? 1) & RosterFlag.Away).toBe(0);
    room.tick();
    const state = r.c.of(ServerMsg.State)[0];
    expect(state?.[4]).toBe(0); // baseAge 0: a full State, the old baseline is gone
    expect(state?.[3]).toBe(0); // acks restart with the new client's seqs

    expect(resume(old).failed).toMatch(/^resume_failed/);
    expect(resume('AAAAAAAAAAAAAAAAAAAAAA').failed).toMatch(/^resume_failed/);
  });

  it('removes the player when the grace period ends, and the token is refused after', () => {
    const { room, service, timers, connect, resume } = setup(2);
    const a = connect('ann');
    service.closed(a.s, 1006);
    timers.advance(1999);
    expect(room.world.players.has(a.s.playerId)).toBe(true);
    timers.advance(1);
    expect(room.world.players.has(a.s.playerId)).toBe(false);
    expect(service.find(a.s.resumeToken)).toBeNull();
    expect(resume(a.s.resumeToken).failed).toMatch(/^resume_failed/);
  });

  it('frees the seat at once on a deliberate leave or a refusal', () => {
    const { room, service, connect } = setup();
    const a = connect('ann');
    service.closed(a.s, CloseCode.Normal);
    expect(room.world.players.has(a.s.playerId)).toBe(false);
    expect(service.tokens.size).toBe(0);
    const b = connect('bob');
    b.s.refused = true;
    service.closed(b.s, CloseCode.BadMessage);
    expect(room.playerCount).toBe(0);
  });

  it('ends a still-open old socket with 4009 and ignores its close', () => {
    const { room, service, connect, resume } = setup();
    const a = connect('ann');
    const r = resume(a.s.resumeToken);
    expect(r.failed).toBeNull();
    expect(a.c.ended?.code).toBe(CloseCode.Replaced);
    service.closed(a.s, CloseCode.Replaced);
    expect(room.world.players.has(a.s.playerId)).toBe(true);
    expect(room.isDetached(a.s.playerId)).toBe(false);
  });

  it('with a grace of 0 issues no token and frees every dropped seat', () => {
    const { room, service, connect } = setup(0);
    const a = connect('ann');
    expect(a.s.resumeToken).toBe('');
    service.closed(a.s, 1006);
    expect(room.playerCount).toBe(0);
  });

  it('holds seats for network drops and closing tabs, not for leaves and removals', () => {
    expect([1001, 1005, 1006, CloseCode.SlowConsumer].map(closeHoldsSeat)).toEqual([true, true, true, true]);
    expect([1000, CloseCode.Kicked, CloseCode.RoomClosed, CloseCode.RateLimited].map(closeHoldsSeat)).toEqual(
      [false, false, false, false],
    );
  });
});
