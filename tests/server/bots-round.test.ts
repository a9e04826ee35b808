import { describe, expect, it } from 'vitest';
import {
  EventKind,
  type GameEvent,
  joinQuery,
  Role,
  RosterFlag,
  RoundPhase,
  ServerMsg,
} from '../../protocol/index.js';
import { useHarness } from '../helpers/test-server.js';

const h = useHarness();

/** Short rounds for every room of the test server (a test hook, not exposed over HTTP). */
const SHORT_ROUNDS = { roundMs: 5_000, killTarget: 3, timingMs: { countdownMs: 500, intermissionMs: 1_500 } };

function post(url: string, body: unknown): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

const hasEvent = (events: readonly GameEvent[], kind: number) => events.some((e) => e[0] === kind);

describe('a room with bots only', () => {
  it('runs a full round to the scoreboard, watched by a spectator', { timeout: 30_000 }, async () => {
    const server = await h.start({}, { roomDefaults: SHORT_ROUNDS });
    const created = await post(h.url(server, '/api/rooms'), {
      name: 'Robot wars',
      bots: 4,
      difficulty: 'hard',
      mode: 'ffa',
    });
    expect(created.status).toBe(201);
    const { code } = (await created.json()) as { code: string };
    const list = (await (await fetch(h.url(server, '/api/rooms'))).json()) as { code: string }[];
    expect(list.find((r) => r.code === code)).toMatchObject({ players: 0, bots: 4, mode: 'ffa' });

    const spectator = await h.connect(
      server,
      joinQuery('watcher', { kind: 'code', code }, { spectate: true }),
    );
    const welcome = await spectator.nextMessage(ServerMsg.Welcome);
    expect(welcome[11]).toBe(Role.Spectator);
    const roster = await spectator.nextMessage(ServerMsg.Roster);
    expect(roster[1]).toHaveLength(4);
    expect(roster[1].every((e) => (e[5] & RosterFlag.Bot) !== 0)).toBe(true);
    await spectator.nextMessage(ServerMsg.Pickups);
    const seen = await spectator.nextState((s) => s.state.players.length === 4, 5_000);
    expect(seen.state.players).toHaveLength(4);

    const started = await spectator.nextMessage(
      ServerMsg.Event,
      (m) => hasEvent(m[2], EventKind.RoundStart),
      10_000,
    );
    expect(started[2].find((e) => e[0] === EventKind.RoundStart)?.[2]).toBe(5_000);
    const ended = await spectator.nextMessage(
      ServerMsg.Event,
      (m) => hasEvent(m[2], EventKind.RoundEnd),
      15_000,
    );
    const end = ended[2].find((e) => e[0] === EventKind.RoundEnd);
    if (end?.[0] !== EventKind.RoundEnd) throw new Error('no RoundEnd');
    const [, roundNumber, winnerId, standings] = end;
    expect(roundNumber).toBe(1);
    expect(standings).toHaveLength(4);
    const ids = standings.map((e) => e[0]);
    expect(winnerId === 0 || winnerId === ids[0]).toBe(true);
    for (let i = 1; i < standings.length; i++) {
      const [a, b] = [standings[i - 1]!, standings[i]!];
      expect(a[2] > b[2] || (a[2] === b[2] && a[3] <= b[3])).toBe(true);
    }
    const scoreboard = await spectator.nextState((s) => s.state.round[0] === RoundPhase.Intermission, 5_000);
    expect(scoreboard.state.round[2]).toBe(1);
    const next = await spectator.nextMessage(
      ServerMsg.Event,
      (m) => hasEvent(m[2], EventKind.Countdown),
      10_000,
    );
    expect(next[2].find((e) => e[0] === EventKind.Countdown)?.slice(1)).toEqual([2, 500]);
  });

  it.each([
    [{ name: 'x', bots: 16 }, 'bots: must be an integer from 0 to 15'],
    [{ name: 'x', bots: 1.5 }, 'bots: must be an integer from 0 to 15'],
    [{ name: 'x', bots: '3' }, 'bots: must be an integer from 0 to 15'],
    [{ name: 'x', difficulty: 'insane' }, "difficulty: must be one of 'easy', 'normal', 'hard'"],
    [{ name: 'x', mode: 'ctf' }, "mode: must be 'ffa' or 'tdm'"],
  ])('refuses %j with a clear reason', async (body, reason) => {
    const server = await h.start();
    const res = await post(h.url(server, '/api/rooms'), body);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'bad_request', reason });
  });

  it('quick play puts a lone player with bots at once', async () => {
    const server = await h.start({}, { quickPlayBots: 4 });
    const me = await h.connect(server, { name: 'solo', room: { kind: 'quick' } });
    const welcome = await me.nextMessage(ServerMsg.Welcome);
    expect(welcome[11]).toBe(Role.Player);
    const roster = await me.nextMessage(ServerMsg.Roster);
    expect(roster[1]).toHaveLength(4);
    expect(roster[1].filter((e) => e[5] & RosterFlag.Bot)).toHaveLength(3);
  });
});
