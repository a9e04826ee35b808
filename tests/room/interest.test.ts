import { describe, expect, it } from 'vitest';
import { INTEREST_ENTER_PX, INTEREST_EXIT_PX, InterestView } from '../../game-server/room/interest.js';
import {
  ARENA_LARGE,
  ArenaId,
  applyStateMsg,
  BaselineRing,
  ServerMsg,
  type StateMsg,
  type WirePlayer,
  type WireState,
} from '../../protocol/index.js';
import { createFakeClient } from '../helpers/fake-client.js';
import { makeTestRoom } from '../helpers/room.js';

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
});
