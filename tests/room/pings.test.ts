import { describe, expect, it } from 'vitest';
import { ClientMsg, PINGS_INTERVAL_MS, ServerMsg } from '../../protocol/index.js';
import { createFakeClient } from '../helpers/fake-client.js';
import { makeTestRoom as makeRoom } from '../helpers/room.js';

/** Ticks between two Pings frames at the test room's 30 Hz. */
const EVERY = (30 * PINGS_INTERVAL_MS) / 1000;

describe('Pings: the round trips players report, shown to the room', () => {
  it('goes out every PINGS_INTERVAL_MS to players and spectators, with the reporting players only (no bots)', () => {
    const { room } = makeRoom({ maxPlayers: 4, bots: { minPlayers: 3, difficulty: 'easy' } });
    const ann = createFakeClient();
    const bob = createFakeClient();
    const eve = createFakeClient();
    const id = (j: ReturnType<typeof room.join>): number => {
      if (!j.ok) throw new Error(j.error);
      return j.playerId;
    };
    // Bots are seated first (ids 1..3); each human who joins takes a bot's place.
    const annId = id(room.join('ann', ann));
    const bobId = id(room.join('bob', bob));
    room.watch('eve', eve);
    for (let t = 0; t < 2 * EVERY; t++) room.tick();
    // Nobody reported yet: no frame at all.
    expect(ann.of(ServerMsg.Pings)).toEqual([]);

    room.receive(annId, [ClientMsg.Ping, 1000, 42]);
    room.receive(bobId, [ClientMsg.Ping, 1000, 0]); // not measured yet: left out
    for (let t = 0; t < EVERY; t++) room.tick();
    expect(ann.of(ServerMsg.Pings)).toEqual([[ServerMsg.Pings, [annId, 42]]]);
    expect(bob.of(ServerMsg.Pings)).toEqual([[ServerMsg.Pings, [annId, 42]]]);
    expect(eve.of(ServerMsg.Pings)).toEqual([[ServerMsg.Pings, [annId, 42]]]);

    room.receive(bobId, [ClientMsg.Ping, 2000, 180]);
    room.receive(annId, [ClientMsg.Ping, 2000, 39]);
    for (let t = 0; t < EVERY - 1; t++) room.tick();
    expect(ann.of(ServerMsg.Pings)).toHaveLength(1); // not before the interval is up
    room.tick();
    expect(ann.of(ServerMsg.Pings).at(-1)).toEqual([ServerMsg.Pings, [annId, 39, bobId, 180]]);
    // The bot filling the third seat is in the roster, never in Pings.
    expect(ann.of(ServerMsg.Roster).at(-1)?.[1]).toHaveLength(3);
  });

  it('leaves out a player whose connection dropped (seat held) and one that left', () => {
    const { room } = makeRoom({ maxPlayers: 3, bots: null });
    const ann = createFakeClient();
    const bob = createFakeClient();
    const cy = createFakeClient();
    room.join('ann', ann);
    room.join('bob', bob);
    room.join('cy', cy);
    room.receive(1, [ClientMsg.Ping, 1, 20]);
    room.receive(2, [ClientMsg.Ping, 1, 30]);
    room.receive(3, [ClientMsg.Ping, 1, 40]);
    room.detach(2);
    room.leave(3);
    for (let t = 0; t < EVERY; t++) room.tick();
    expect(ann.of(ServerMsg.Pings).at(-1)).toEqual([ServerMsg.Pings, [1, 20]]);
  });

  it('a spectator’s reported round trip is not shown', () => {
    const { room } = makeRoom({ bots: null });
    const ann = createFakeClient();
    const eve = createFakeClient();
    room.join('ann', ann);
    const watched = room.watch('eve', eve);
    if (!watched.ok) throw new Error('watch refused');
    room.receive(watched.playerId, [ClientMsg.Ping, 1, 55]);
    for (let t = 0; t < EVERY; t++) room.tick();
    expect(eve.of(ServerMsg.Pong)).toHaveLength(1);
    expect(ann.of(ServerMsg.Pings)).toEqual([]);
  });
});
