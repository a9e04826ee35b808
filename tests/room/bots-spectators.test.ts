import { describe, expect, it } from 'vitest';
import type { Room } from '../../game-server/room/room.js';
import {
  ClientMsg,
  GameMode,
  Key,
  PickupKind,
  Role,
  RosterFlag,
  ServerMsg,
  Team,
} from '../../protocol/index.js';
import { createFakeClient } from '../helpers/fake-client.js';
import { makeTestRoom } from '../helpers/room.js';

const makeRoom: typeof makeTestRoom = (overrides = {}) =>
  makeTestRoom({
    name: 'Bots',
    maxPlayers: 4,
    seed: 11,
    bots: { minPlayers: 3, difficulty: 'hard' },
    ...overrides,
  });

const botIds = (room: Room) => [...room.world.players.values()].filter((p) => p.bot).map((p) => p.id);

describe('bots in a room', () => {
  it('fills up to the minimum, makes room for humans, and comes back when they leave', () => {
    const { room } = makeRoom();
    expect(botIds(room)).toHaveLength(3);
    expect(room.playerCount).toBe(0);
    const a = createFakeClient();
    const joined = room.join('ann', a);
    expect(joined.ok).toBe(true);
    expect(botIds(room)).toHaveLength(2);
    const roster = a.of(ServerMsg.Roster).at(-1)?.[1] ?? [];
    expect(roster).toHaveLength(3);
    expect(roster.filter((e) => e[5] & RosterFlag.Bot)).toHaveLength(2);
    expect(roster.find((e) => e[1] === 'ann')?.[5]).toBe(0);
    expect(room.info()).toMatchObject({ players: 1, bots: 2, mode: 'ffa' });
    room.join('bob', createFakeClient());
    room.join('cid', createFakeClient());
    expect(botIds(room)).toHaveLength(0);
    expect(room.hasSpace).toBe(true);
    if (joined.ok) room.leave(joined.playerId);
    expect(botIds(room)).toHaveLength(1);
  });

  it('bots play through the same input path: their inputs are applied and they move', () => {
    const { room } = makeRoom({ bots: { minPlayers: 2, difficulty: 'normal' } });
    const start = [...room.world.players.values()].map((p) => [p.x, p.y]);
    // A bot has no socket, so no input queue and no acks: what shows its inputs reach the world is
    // its player taking their keys or aim (both 0 at a spawn).
    const steered = new Set<number>();
    for (let i = 0; i < 120; i++) {
      room.tick();
      for (const p of room.world.players.values()) if (p.keys !== 0 || p.aim !== 0) steered.add(p.id);
    }
    const players = [...room.world.players.values()];
    expect(players.every((p) => p.bot && steered.has(p.id))).toBe(true);
    expect(players.map((p) => [p.x, p.y])).not.toEqual(start);
  });

  it('a room with only bots still expires', () => {
    const { room, timers, expired } = makeRoom();
    timers.advance(30_000);
    expect(expired).toEqual([room]);
  });

  it('team deathmatch: balanced teams on join, team in the roster and Welcome carries the mode', () => {
    const { room } = makeRoom({ mode: GameMode.TeamDeathmatch, bots: { minPlayers: 4, difficulty: 'easy' } });
    const teams = () => [...room.world.players.values()].map((p) => p.team);
    expect(teams().filter((t) => t === Team.Red)).toHaveLength(2);
    expect(teams().filter((t) => t === Team.Blue)).toHaveLength(2);
    const a = createFakeClient();
    room.join('ann', a);
    expect(a.of(ServerMsg.Welcome)[0]?.[10]).toBe(GameMode.TeamDeathmatch);
    expect(a.of(ServerMsg.Welcome)[0]?.[11]).toBe(Role.Player);
    const roster = a.of(ServerMsg.Roster).at(-1)?.[1] ?? [];
    expect(roster.every((e) => e[4] === Team.Red || e[4] === Team.Blue)).toBe(true);
    expect(room.info().mode).toBe('tdm');
  });
});

describe('spectators', () => {
  it('watch a full room: Welcome as spectator, Roster, Pickups, then States of every player', () => {
    const { room } = makeRoom({ maxPlayers: 2, bots: null, maxSpectators: 1 });
    room.join('ann', createFakeClient());
    room.join('bob', createFakeClient());
    expect(room.join('cid', createFakeClient())).toEqual({ ok: false, error: 'room_full' });
    const s = createFakeClient();
    const out = room.watch('sam', s);
    expect(out).toEqual({ ok: true, playerId: 3 });
    expect(room.watch('sue', createFakeClient())).toEqual({ ok: false, error: 'room_full' });
    expect(s.frames.map((f) => f[0])).toEqual([ServerMsg.Welcome, ServerMsg.Roster, ServerMsg.Pickups]);
    expect(s.of(ServerMsg.Welcome)[0]?.[2]).toBe(3);
    expect(s.of(ServerMsg.Welcome)[0]?.[11]).toBe(Role.Spectator);
    expect(s.of(ServerMsg.Roster)[0]?.[1].map((e) => e[0])).toEqual([1, 2]);
    expect(s.of(ServerMsg.Pickups)[0]?.[1][0]).toEqual([1, PickupKind.Health, 1000, 530, 1]);
    expect(room.world.players.has(3)).toBe(false);
    expect(room.playerCount).toBe(2);
    room.tick();
    expect(s.of(ServerMsg.State)).toHaveLength(1);
  });

  it('cannot play (Input is ignored) but can chat and ping', () => {
    const { room } = makeRoom({ bots: null });
    const a = createFakeClient();
    room.join('ann', a);
    const s = createFakeClient();
    room.watch('sam', s);
    room.receive(2, [ClientMsg.Input, 1, Key.Right | Key.Fire, 0, 0, 0]);
    room.tick();
    expect(room.world.players.size).toBe(1);
    expect(room.world.projectiles).toEqual([]);
    room.receive(2, [ClientMsg.Chat, 'gg']);
    room.receive(2, [ClientMsg.Ping, 5, 40]);
    expect(a.of(ServerMsg.Chat).at(-1)?.slice(1, 4)).toEqual([2, 'sam', 'gg']);
    expect(s.of(ServerMsg.Pong)).toHaveLength(1);
    room.leave(2);
    room.receive(2, [ClientMsg.Chat, 'gone']);
    expect(a.of(ServerMsg.Chat)).toHaveLength(1);
  });

  it('keep the room alive while watching; the room expires once they leave', () => {
    const { room, timers, expired } = makeRoom();
    room.watch('sam', createFakeClient());
    timers.advance(60_000);
    expect(expired).toEqual([]);
    room.leave(4);
    timers.advance(30_000);
    expect(expired).toEqual([room]);
  });
});
