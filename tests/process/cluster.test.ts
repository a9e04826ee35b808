/**
 * Redis mode with real processes: a real redis-server and three `node dist/node/game-server/main.js
 * --redis ...` processes. Rooms are reachable from any process, chat and counts cross processes,
 * a killed process's rooms expire, and SIGTERM drains.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { joinQuery, RoundPhase, ServerMsg } from '../../protocol/index.js';
import { useCluster } from '../helpers/cluster-fixture.js';
import { freePort, REDIS_SERVER } from '../helpers/redis-server.js';
import {
  buildServerIfStale,
  fetchJson as json,
  type ServerProcess,
  startClusterNode,
  stopServerProcess,
} from '../helpers/server-process.js';
import { connectClient, refusedUpgrade, type TestClient } from '../helpers/ws-client.js';

const ADMIN = 'test-admin-token-0123456789';

interface SeatAnswer {
  readonly code: string;
  readonly url: string;
  readonly seat: string;
}

/** Re-asks `probe` until it returns a value (an external process's state has no event to wait on). */
async function until<T>(what: string, probe: () => Promise<T | null>, timeoutMs = 10_000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== null) return v;
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function portOf(url: string): number {
  return Number(new URL(url).port);
}

async function seat(node: ServerProcess, query: string): Promise<SeatAnswer> {
  const r = await json(`${node.url}/api/join?${query}`);
  expect(r.status).toBe(200);
  return r.body as SeatAnswer;
}

async function joinWithSeat(name: string, s: SeatAnswer): Promise<TestClient> {
  return connectClient(portOf(s.url), joinQuery(name, { kind: 'code', code: s.code }, { seat: s.seat }));
}

describe.skipIf(REDIS_SERVER.skipReason !== null)('cluster of real processes', () => {
  // Registered first, so its afterAll (stopping redis-server) runs after the nodes are stopped below.
  const cluster = useCluster();
  const nodes: ServerProcess[] = [];
  const clients: TestClient[] = [];

  const start = async (id: string, extra: readonly string[] = []) => {
    const port = await freePort();
    const node = await startClusterNode(cluster.url(), port, id, [
      '--admin-token',
      ADMIN,
      '--drain-timeout',
      '3',
      ...extra,
    ]);
    nodes.push(node);
    return node;
  };

  beforeAll(async () => {
    buildServerIfStale();
  });

  afterAll(async () => {
    for (const c of clients) c.ws.terminate();
    await Promise.all(nodes.map((n) => stopServerProcess(n)));
  });

  it('serves a room created through A from B, lands the player on its host, and crosses chat and counts', async () => {
    const [a, b] = [await start('a'), await start('b')];
    const created = await json(`${a.url}/api/rooms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Cross room' }),
    });
    expect(created.status).toBe(201);
    const { code, url: hostUrl } = created.body as { code: string; url: string };
    expect([a.url, b.url]).toContain(hostUrl);
    const other = hostUrl === a.url ? b : a;

    const listed = await json(`${other.url}/api/rooms`);
    expect(listed.body).toContainEqual(expect.objectContaining({ code, name: 'Cross room', url: hostUrl }));

    // Join by code through the process that does not host it: the seat points at the host.
    const s = await seat(other, joinQuery('Bea', { kind: 'code', code }));
    expect(s).toMatchObject({ code, url: hostUrl });
    // The seat is only valid on its node, and only once.
    const wrong = await refusedUpgrade(
      other.port,
      joinQuery('Bea', { kind: 'code', code }, { seat: s.seat }),
    );
    expect(wrong).toMatchObject({ status: 403, body: { error: 'invalid_seat' } });
    const player = await joinWithSeat('Bea', s);
    clients.push(player);
    const welcome = await player.nextMessage(ServerMsg.Welcome);
    expect(welcome[3]).toBe(code);
    const reused = await refusedUpgrade(
      portOf(hostUrl),
      joinQuery('Bea', { kind: 'code', code }, { seat: s.seat }),
    );
    expect(reused).toMatchObject({ status: 403, body: { error: 'invalid_seat' } });

    // An operator line sent to the non-hosting process crosses Redis to the room's players.
    const said = await json(`${other.url}/admin/rooms/${code}/chat`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ text: 'maintenance at noon' }),
    });
    expect(said).toMatchObject({ status: 200, body: { via: 'cluster' } });
    const line = await player.nextMessage(ServerMsg.Chat, (m) => m[3] === 'maintenance at noon');
    expect(line[1]).toBe(0);

    // The global player count sees the player from either process.
    const stats = await until('global player count', async () => {
      const r = (await json(`${other.url}/api/stats`)).body as { globalPlayers: number; nodes: number };
      return r.globalPlayers >= 1 ? r : null;
    });
    expect(stats.nodes).toBeGreaterThanOrEqual(2);

    // Quick play from B is seated in the same open room (fullest first), on its host.
    const quick = await seat(b, joinQuery('Quin', { kind: 'quick' }));
    expect(quick).toMatchObject({ code, url: hostUrl });
  });

  it('forgets the rooms of a process killed with SIGKILL within the expiry', async () => {
    const c = await start('c-doomed');
    const b = nodes.find((n) => n.lines.some((l) => l.includes('"node":"b"')));
    expect(b).toBeDefined();
    const created = await json(`${c.url}/api/rooms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Doomed' }),
    });
    const { code } = created.body as { code: string };
    // Pin the room to c: create on c itself when the least-loaded pick went elsewhere.
    const listed = await json(`${b!.url}/api/rooms/${code}`);
    const host = (listed.body as { url: string }).url;
    const victim = nodes.find((n) => n.url === host)!;

    // The directory key expires (keyspace notification); the fixture closes its clients after the test.
    const { expired } = await cluster.watchExpiry(`tickfire:room:${code}`);
    await stopServerProcess(victim, 'SIGKILL');
    await expired;
    const survivor = nodes.find(
      (n) => n !== victim && n.child.exitCode === null && n.child.signalCode === null,
    )!;
    const after = await json(`${survivor.url}/api/rooms`);
    expect((after.body as { code: string }[]).map((r) => r.code)).not.toContain(code);
    const gone = await json(`${survivor.url}/api/join?${joinQuery('Late', { kind: 'code', code })}`);
    expect(gone.status).toBe(404);
  });

  it('drains on SIGTERM: not ready, no new joins, players closed with 1001 and a hint, exit 0', async () => {
    const d = await start('d-drain');
    const spare = await start('e-spare');
    // Two players in a room on d (created on d through its own create handler via a seat by code).
    const created = await json(`${d.url}/api/rooms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Drain me' }),
    });
    const { code, url } = created.body as { code: string; url: string };
    const host = nodes.find((n) => n.url === url)!;
    const players: TestClient[] = [];
    for (const name of ['Dee', 'Dan']) {
      const p = await joinWithSeat(name, await seat(spare, joinQuery(name, { kind: 'code', code })));
      clients.push(p);
      players.push(p);
      await p.nextMessage(ServerMsg.Welcome);
    }

    // With two players the round runs (after a countdown when the match flow is on).
    const running = (phase: number) => phase === RoundPhase.Playing || phase === RoundPhase.Countdown;
    await players[1]!.nextState((st) => running(st.state.round[0]), 10_000);
    process.kill(host.child.pid!, 'SIGTERM');
    await host.waitForLine(/"msg":"draining: no new rooms or joins"/);
    expect((await json(`${host.url}/readyz`)).status).toBe(503);
    // A direct join is refused; quick play through the draining process is seated elsewhere.
    const direct = await refusedUpgrade(host.port, joinQuery('New', { kind: 'quick' }));
    expect(direct).toMatchObject({ status: 503, body: { error: 'server_full' } });
    expect((direct.body as { reason: string }).reason).toMatch(/^server_draining/);
    const moved = await until('a seat on another process', async () => {
      const s = await seat(host, joinQuery('New', { kind: 'quick' }));
      return s.url !== host.url ? s : null;
    });
    expect(moved.url).not.toBe(host.url);

    // The round is still running at the 3 s deadline: every player gets 1001 with the hint.
    for (const p of players) {
      const closed = await p.closed;
      expect(closed.code).toBe(1001);
      expect(closed.reason).toMatch(/^server_draining: /);
    }
    expect(await host.exited).toEqual({ code: 0, signal: null });
    const rooms = await json(`${spare.url}/api/rooms`);
    expect((rooms.body as { code: string }[]).map((r) => r.code)).not.toContain(code);
  });
});
