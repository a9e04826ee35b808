import { describe, expect, it } from 'vitest';
import { IO_BATCH_MIN_SOCKETS } from '../../game-server/net/io-batching.js';
import { ClientMsg, Key, ServerMsg } from '../../protocol/index.js';
import { type Harness, useHarness } from '../helpers/test-server.js';
import type { TestClient } from '../helpers/ws-client.js';

const h = useHarness();

/** Every socket from 127.0.0.1: lift the per-address limits for a crowd. */
const crowd = { maxConnsPerIp: 0, joinBurst: 1000, joinRatePerS: 0, handshakesPerS: 10_000 } as const;

async function connectMany(server: Parameters<Harness['connect']>[0], n: number): Promise<TestClient[]> {
  const clients: TestClient[] = [];
  for (let i = 0; i < n; i++) {
    const c = await h.connect(server, { name: `p${i}`, room: { kind: 'quick' } });
    await c.nextMessage(ServerMsg.Welcome);
    clients.push(c);
  }
  return clients;
}

describe('input batching on a real server', () => {
  it('slices between ticks once enough sockets are open, and an input sent right after a State is applied by the next tick', async () => {
    const server = await h.start({ ...crowd, ioBatchMs: 2, tickPhases: 1 });
    const batching = server.ioBatching;
    if (!batching) throw new Error('batching is off');
    const [first, ...rest] = await connectMany(server, IO_BATCH_MIN_SOCKETS);
    if (!first) throw new Error('no clients');
    await first.nextState();
    await first.nextState();
    const before = batching.slices;
    // The inputs arrive while the server sleeps its slices; each must still be in the very next tick.
    // The client shares the server's process: a stall of the whole process (a loaded machine) can make
    // one late, so most, not all, must be (a slice that held inputs past the tick would miss them all).
    let inNextTick = 0;
    for (let seq = 1; seq <= 15; seq++) {
      const s = await first.nextState();
      first.send([ClientMsg.Input, seq, Key.Right, 0, s.state.tick, 0]);
      const next = await first.nextState();
      if (next.state.tick === s.state.tick + 1 && next.ack === seq) inNextTick += 1;
    }
    expect(inNextTick).toBeGreaterThanOrEqual(12);
    // About a slice per 2 ms between ticks: far more than one per tick.
    expect(batching.slices - before).toBeGreaterThan(15 * 3);
    first.send([ClientMsg.Ping, 7.5, 0]);
    const [, clientTime] = await first.nextMessage(ServerMsg.Pong);
    expect(clientTime).toBe(7.5);
    // Below the threshold the loop waits for frames as usual.
    await Promise.all(rest.slice(4).map((c) => c.close()));
    await first.nextState();
    const idle = batching.slices;
    for (let i = 0; i < 5; i++) await first.nextState();
    expect(batching.slices).toBe(idle);
  });

  it('is off with --io-batch-ms 0', async () => {
    const server = await h.start({ ioBatchMs: 0 });
    expect(server.ioBatching).toBeNull();
  });
});
