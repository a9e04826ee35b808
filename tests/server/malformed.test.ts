import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../../game-server/net/server.js';
import { CloseCode, encode, KEY_MASK, ServerMsg } from '../../protocol/index.js';
import { useHarness } from '../helpers/test-server.js';
import type { TestClient } from '../helpers/ws-client.js';

const h = useHarness();

async function pair(server: RunningServer): Promise<[TestClient, TestClient]> {
  const bad = await h.connect(server, { name: 'bad', room: { kind: 'quick' } });
  const [, , , code] = await bad.nextMessage(ServerMsg.Welcome);
  const good = await h.connect(server, { name: 'good', room: { kind: 'code', code } });
  await good.nextMessage(ServerMsg.Welcome);
  return [bad, good];
}

describe('malformed client frames', () => {
  it.each([
    ['garbage bytes', new Uint8Array([0xc1, 0xff, 0x00]), 'malformed'],
    ['a text frame', 'hello', 'not_binary'],
    ['an unknown kind', encode([9, 1] as never), 'unknown_kind'],
    ['out-of-range keys', encode([1, 1, KEY_MASK + 1, 0, 0, 0]), 'bad_input: field 2'],
    ['a non-array', encode({ kind: 1 } as never), 'not_array'],
  ])('%s closes that socket with 4001 while the room plays on', async (_label, frame, reason) => {
    const server = await h.start();
    const [bad, good] = await pair(server);
    bad.sendRaw(frame);
    const closed = await bad.closed;
    expect(closed.code).toBe(CloseCode.BadMessage);
    expect(closed.reason.startsWith(reason)).toBe(true);
    const s1 = await good.nextState((s) => s.state.players.length === 1);
    const s2 = await good.nextState();
    expect(s2.state.tick).toBeGreaterThan(s1.state.tick);
    expect(server.registry.playerCount).toBe(1);
  });

  it('a frame over the payload limit is closed by uWS itself', async () => {
    const server = await h.start();
    const [bad, good] = await pair(server);
    bad.sendRaw(new Uint8Array(4096));
    const closed = await bad.closed;
    expect([1006, 1009]).toContain(closed.code);
    await good.nextMessage(ServerMsg.State);
  });
});
