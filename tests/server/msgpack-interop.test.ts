import { decode } from '@msgpack/msgpack';
import { describe, expect, it } from 'vitest';
import { ClientMsg, Key, PROTOCOL_VERSION, RoundPhase, ServerMsg } from '../../protocol/index.js';
import { useHarness } from '../helpers/test-server.js';

const h = useHarness();

describe('frames are standard msgpack', () => {
  it('Welcome and State decode with @msgpack/msgpack', async () => {
    const server = await h.start();
    const c = await h.connect(server, { name: 'ann', room: { kind: 'quick' } });
    const welcome = decode((await c.nextFrame(ServerMsg.Welcome)).bytes);
    expect(welcome).toEqual([
      ServerMsg.Welcome,
      PROTOCOL_VERSION,
      1,
      expect.stringMatching(/^[A-Z2-9]{6}$/),
      expect.stringMatching(/^Arena /),
      30,
      30,
      16,
      expect.any(Number),
      1,
      1,
      1,
      expect.stringMatching(/^[A-Za-z0-9_-]{22}$/), // the resume token
    ]);
    c.send([ClientMsg.Input, 1, Key.Down, 500, 0, 0]);
    const full = await c.nextState((s) => s.ack === 1);
    const state = decode(full.bytes) as unknown[];
    expect(state).toHaveLength(8);
    const [kind, tick, serverTime, ack, baseAge, players, projectiles, round] = state;
    expect([kind, ack, baseAge]).toEqual([ServerMsg.State, 1, 0]);
    expect(Number.isInteger(tick) && Number.isInteger(serverTime)).toBe(true);
    expect(players).toEqual([
      [],
      [[1, expect.any(Number), expect.any(Number), 500, 100, expect.any(Number), 0, expect.any(Number)]],
    ]);
    expect(projectiles).toEqual([[], []]);
    // A lone player is in warmup (msLeft 0, equal to the empty baseline's, so absent from the mask).
    expect(round).toEqual([5, RoundPhase.Warmup, 1]);

    // Acknowledge it: the next frames are deltas against it, still plain msgpack.
    c.send([ClientMsg.Input, 2, Key.Down, 500, full.state.tick, 0]);
    const delta = await c.nextState((s) => s.baseTick === full.state.tick);
    const raw = decode(delta.bytes) as unknown[];
    expect(raw).toHaveLength(8);
    expect(raw[4]).toBe(delta.state.tick - full.state.tick);
    expect(raw[2]).toBe(delta.state.serverTime - full.state.serverTime);
    expect(delta.state.players[0]?.[0]).toBe(1);
  });
});
