import { describe, expect, it } from 'vitest';
import { INTEREST_ENTER_PX, INTEREST_EXIT_PX, InterestView } from '../../game-server/room/interest.js';
import type { RoomMembers } from '../../game-server/room/room-members.js';
import {
  ARENA_LARGE,
  ArenaId,
  applyStateMsg,
  BaselineRing,
  ClientMsg,
  Key,
  ServerMsg,
  type StateMsg,
  type WirePlayer,
  type WireState,
} from '../../protocol/index.js';
import { createFakeClient, type FakeClient } from '../helpers/fake-client.js';
import { makeTestRoom } from '../helpers/room.js';
import { Decoder } from './state-decoder.js';

const S = 16;
function stateWith(others: [id: number, x: number][]): WireState {
  const players: WirePlayer[] = [[1, 3000 * S, 3000 * S, 0, 100, 1, 0, 0]];
  for (const [id, x] of others) players.push([id, x * S, 3000 * S, 0, 100, 1, 0, 0]);
  return { tick: 1, serverTime: 0, players, projectiles: [], round: [1, 0, 1] };
}
const ids = (s: WireState) => s.players.map((p) => p[0]);

describe('interest management', () => {
  it('shows entities within the enter distance and keeps them until the exit distance (hysteresis)', () => {
    const view = new InterestView(1);
    const mid = 3000 + (INTEREST_ENTER_PX + INTEREST_EXIT_PX) / 2;
    expect(
      ids(
        view.filter(
          stateWith([
            [2, 3500],
            [3, mid],
            [4, 3000 + INTEREST_EXIT_PX + 50],
          ]),
        ),
      ),
    ).toEqual([1, 2]);
    // 2 drifts into the band between enter and exit: still shown; 3 is in the band but was never in: hidden.
    expect(
      ids(
        view.filter(
          stateWith([
            [2, mid],
            [3, mid],
          ]),
        ),
      ),
    ).toEqual([1, 2]);
    expect(
      ids(
        view.filter(
          stateWith([
            [2, 3000 + INTEREST_EXIT_PX + 1],
            [3, mid],
          ]),
        ),
      ),
    ).toEqual([1]);
    expect(
      ids(
        view.filter(
          stateWith([
            [2, mid],
            [3, 3000 + INTEREST_ENTER_PX],
          ]),
        ),
      ),
    ).toEqual([1, 3]);
  });

  it('a large-arena room announces its arena and sends each client only what is near it', () => {
    const { room } = makeTestRoom(
      { code: 'BIGGER', name: 'Big', maxPlayers: 100, seed: 3, arenaId: ArenaId.Large },
      0,
    );
    expect(room.world.arena).toBe(ARENA_LARGE);
    const clients = [createFakeClient(), createFakeClient(), createFakeClient()];
    for (const [i, c] of clients.entries()) room.join(`p${i}`, c);
    expect(clients[0]?.frames[0]?.[9]).toBe(ArenaId.Large);
    const place = [
      [1, 500, 500],
      [2, 900, 500],
      [3, 5500, 5500],
    ] as const;
    for (const [id, x, y] of place) {
      const p = room.world.players.get(id)!;
      p.x = x;
      p.y = y;
    }
    room.tick();
    const seen = clients.map((c) => {
      const r = applyStateMsg(c.of(ServerMsg.State).at(-1) as StateMsg, (t) => new BaselineRing().get(t));
      return r.ok ? ids(r.state) : [];
    });
    expect(seen).toEqual([[1, 2], [1, 2], [3]]);
  });

  it('sends deltas against each client’s own filtered states, decoded exactly, through backpressure skips', () => {
    const { room } = makeTestRoom(
      { code: 'BIGGER', name: 'Big', maxPlayers: 100, seed: 9, arenaId: ArenaId.Large },
      0,
    );
    const clients: FakeClient[] = [
      createFakeClient(),
      createFakeClient(),
      createFakeClient(),
      createFakeClient(),
    ];
    for (const [i, c] of clients.entries()) room.join(`p${i}`, c);
    // 1-3 close together (they see each other, and their shots), 4 alone far away.
    const place = [
      [1, 2000, 2000],
      [2, 2400, 2100],
      [3, 2200, 2600],
      [4, 5500, 5500],
    ] as const;
    for (const [id, x, y] of place) {
      const p = room.world.players.get(id)!;
      p.x = x;
      p.y = y;
    }
    const members = (room as unknown as { members: RoomMembers }).members;
    const decoders = clients.map((c) => new Decoder(c));
    let compared = 0;
    let withOthers = 0;
    for (let t = 1; t <= 200; t++) {
      for (const [i, d] of decoders.entries()) {
        const keys = [Key.Right | Key.Fire, Key.Down | Key.Fire, Key.Left, Key.Up | Key.Fire][
          (Math.floor(t / 15) + i) % 4
        ] as number;
        room.receive(i + 1, [ClientMsg.Input, t, keys, (t * 131 * (i + 1)) % 6283, d.latest, 0]);
        // Client 2 is skipped under backpressure for 4 ticks of every 25.
        (clients[i] as FakeClient).buffered = i === 1 && t % 25 >= 10 && t % 25 < 14 ? 1 << 20 : 0;
      }
      room.tick();
      for (const [i, d] of decoders.entries()) {
        if (d.drain() === 0) continue;
        // What the client decoded is exactly the filtered state the server sent it.
        const sent = members.players.get(i + 1)?.view.interest?.sent.get(room.world.tick);
        expect(sent).toBeDefined();
        expect(d.states.get(room.world.tick)).toEqual(sent);
        compared++;
        if ((sent as WireState).players.length > 1 || (sent as WireState).projectiles.length > 0)
          withOthers++;
      }
    }
    expect(room.stats.stateFramesSkipped).toBe(8 * 4);
    expect(compared).toBe(4 * 200 - 32);
    expect(withOthers).toBeGreaterThan(400);
    const { fullFrames, deltaFrames, encodings } = room.states.stats;
    expect(fullFrames).toBe(4); // one per join: the skipped client's baseline stays in its own ring
    expect(deltaFrames).toBe(compared - 4);
    expect(encodings).toBe(compared); // one per client per tick with interest management
    // After each skip, client 2's delta spans the gap.
    expect((decoders[1] as Decoder).baseAges.filter((a) => a === 5)).toHaveLength(8);
    expect((decoders[3] as Decoder).states.get(200)?.players.map((p) => p[0])).toEqual([4]);
  });

  it('a spectator of a large-arena room gets every entity, in deltas against its own acknowledged states', () => {
    const { room } = makeTestRoom(
      { code: 'BIGGER', name: 'Big', maxPlayers: 100, seed: 4, arenaId: ArenaId.Large },
      0,
    );
    const players = [createFakeClient(), createFakeClient()];
    for (const [i, c] of players.entries()) room.join(`p${i}`, c);
    const eye = createFakeClient();
    expect(room.watch('sam', eye).ok).toBe(true);
    // Far apart: each player sees only itself, the spectator both.
    for (const [id, x] of [
      [1, 500],
      [2, 5500],
    ] as const) {
      const p = room.world.players.get(id)!;
      p.x = x;
      p.y = x;
    }
    const watcher = new Decoder(eye);
    const decoders = players.map((c) => new Decoder(c));
    for (let t = 1; t <= 60; t++) {
      for (const [i, d] of decoders.entries())
        room.receive(i + 1, [ClientMsg.Input, t, t % 20 < 10 ? Key.Right : Key.Left, 0, d.latest, 0]);
      room.receive(3, [ClientMsg.Input, t, Key.Fire, 0, watcher.latest, 0]);
      room.tick();
      for (const d of decoders) d.drain();
      expect(watcher.drain()).toBe(1);
    }
    expect((decoders[0] as Decoder).states.get(60)?.players.map((p) => p[0])).toEqual([1]);
    const last = watcher.states.get(60) as WireState;
    expect(last.players.map((p) => p[0])).toEqual([1, 2]);
    // Exactly the world: both players where the server has them.
    for (const p of last.players) expect(p[1]).toBe(Math.round(room.world.players.get(p[0])!.x * S));
    expect(watcher.baseAges[0]).toBe(0);
    expect(watcher.baseAges.slice(1).every((a) => a === 1)).toBe(true);
    expect(room.world.projectiles).toHaveLength(0); // its Fire was ignored
  });
});
