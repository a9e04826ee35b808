import { describe, expect, it } from 'vitest';
import { SHUTDOWN_REASON } from '../../game-server/net/server.js';
import { CloseCode, ServerMsg } from '../../protocol/index.js';
import { useHarness } from '../helpers/test-server.js';

const h = useHarness();

describe('shutdown', () => {
  it('close() ends every client with 1001 and a reason, and stops listening', async () => {
    const server = await h.start();
    const a = await h.connect(server, { name: 'ann', room: { kind: 'quick' } });
    await a.nextMessage(ServerMsg.Welcome);
    const other = server.registry.create({ name: 'Other', maxPlayers: 4, isPrivate: true });
    if (!other) throw new Error('no room');
    const b = await h.connect(server, { name: 'bob', room: { kind: 'code', code: other.code } });
    await b.nextMessage(ServerMsg.Welcome);

    await server.close();
    expect(await a.closed).toEqual({ code: CloseCode.GoingAway, reason: SHUTDOWN_REASON });
    expect(await b.closed).toEqual({ code: CloseCode.GoingAway, reason: SHUTDOWN_REASON });
    expect(server.loop.running).toBe(false);
    await expect(fetch(`http://127.0.0.1:${server.port}/healthz`)).rejects.toThrow();
  });
});
