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
    ]);
    c.send([ClientMsg.Input, 1, Key.Down, 500, 0, 0]);
    const frame = await c.nextFrame(ServerMsg.State, (s) => s[3] === 1);
    const state = decode(frame.bytes) as unknown[];
    expect(state).toHaveLength(7);
    const [kind, tick, serverTime, ack, players, projectiles, round] = state;
    expect([kind, ack]).toEqual([ServerMsg.State, 1]);
    expect(Number.isInteger(tick) && Number.isInteger(serverTime)).toBe(true);
    expect(players).toEqual([[1, expect.any(Number), expect.any(Number), 500, 100, expect.any(Number)]]);
    expect(projectiles).toEqual([]);
    expect(round).toEqual([RoundPhase.Playing, expect.any(Number), 1]);
  });
});
