import { describe, expect, it } from 'vitest';
import { ClusterError, clusterKeys } from '../../game-server/cluster/index.js';
import { localRoom, memoryLog, TEST_EXPIRY_MS, useCluster } from '../helpers/cluster-fixture.js';

const fx = useCluster();

const room = localRoom;

describe.skipIf(fx.skipReason !== null)('ClusterDirectory: registration and lookup', () => {
  it('a node registration is visible from another node', async () => {
    const p = fx.prefix();
    const a = await fx.node(p, { nodeId: 'node-a', publicUrl: 'http://a.example:8081' });
    const b = await fx.node(p, { nodeId: 'node-b' });
    const nodes = await b.liveNodes();
    expect(nodes.get('node-a')).toEqual({
      nodeId: 'node-a',
      publicUrl: 'http://a.example:8081',
      rooms: 0,
      players: 0,
      draining: false,
    });
    expect([...nodes.keys()].sort()).toEqual(['node-a', 'node-b']);
    expect(a.nodeId).toBe('node-a');
  });

  it('a room registered on one node is listed and found from the other, private ones only by code', async () => {
    const p = fx.prefix();
    const a = await fx.node(p, { publicUrl: 'http://a.example:8081' });
    const b = await fx.node(p);
    expect(await a.registerRoom(room('AAAAAA', { players: 3, mode: 'ffa' }))).toBe(true);
    expect(await a.registerRoom(room('PPPPPP', { private: true }))).toBe(true);
    const listed = await b.listPublicRooms();
    expect(listed).toEqual([
      {
        ...room('AAAAAA', { players: 3, mode: 'ffa' }),
        nodeId: a.nodeId,
        url: 'http://a.example:8081',
        draining: false,
      },
    ]);
    expect((await b.findRoom('PPPPPP'))?.nodeId).toBe(a.nodeId);
    expect(await b.findRoom('ZZZZZZ')).toBeNull();
    expect((await b.liveNodes()).get(a.nodeId)).toMatchObject({ rooms: 2, players: 4 });

    await a.unregisterRoom('AAAAAA');
    expect(await b.listPublicRooms()).toEqual([]);
  });

  it('reads rooms from localRooms at every heartbeat and drops the ones that are gone', async () => {
    const p = fx.prefix();
    let rooms = [room('AAAAAA'), room('BBBBBB')];
    const a = await fx.node(p, { localRooms: () => rooms });
    const b = await fx.node(p);
    expect((await b.listPublicRooms()).map((r) => r.code)).toEqual(['AAAAAA', 'BBBBBB']);
    rooms = [room('BBBBBB', { players: 5 })];
    await a.drain(); // drain() writes a heartbeat at once
    const now = await b.listPublicRooms();
    expect(now.map((r) => [r.code, r.players])).toEqual([['BBBBBB', 5]]);
  });

  it('a killed node (heartbeat stopped) loses its rooms within the expiry', async () => {
    const p = fx.prefix();
    const keys = clusterKeys(p);
    const a = await fx.node(p);
    const b = await fx.node(p);
    await a.registerRoom(room('AAAAAA'));
    expect(await b.findRoom('AAAAAA')).not.toBeNull();
    const watch = await fx.watchExpiry(keys.room('AAAAAA'));
    const t0 = performance.now();
    await a.close({ deregister: false });
    // Still there right after the "kill": nothing was deleted.
    expect((await b.listPublicRooms()).map((r) => r.code)).toEqual(['AAAAAA']);
    await watch.expired;
    expect(performance.now() - t0).toBeLessThan(TEST_EXPIRY_MS + 600);
    expect(await b.listPublicRooms()).toEqual([]);
    expect(await b.findRoom('AAAAAA')).toBeNull();
    const nodes = await b.liveNodes();
    expect(nodes.has(a.nodeId)).toBe(false);
    // Listing cleaned the sets.
    const raw = fx.client();
    expect(await raw.smembers(keys.rooms)).toEqual([]);
    expect(await raw.smembers(keys.nodes)).toEqual([b.nodeId]);
  });

  it('a live node keeps its rooms past the expiry through heartbeats', async () => {
    const p = fx.prefix();
    const a = await fx.node(p);
    const b = await fx.node(p);
    await a.registerRoom(room('AAAAAA'));
    // Watch a key that expires after the room would have without heartbeats.
    const raw = fx.client();
    const marker = `${p}marker`;
    const watch = await fx.watchExpiry(marker);
    await raw.set(marker, '1', 'PX', TEST_EXPIRY_MS + 300);
    await watch.expired;
    expect((await b.listPublicRooms()).map((r) => r.code)).toEqual(['AAAAAA']);
  });

  it('a clean close removes the node and its rooms at once', async () => {
    const p = fx.prefix();
    const a = await fx.node(p);
    const b = await fx.node(p);
    await a.registerRoom(room('AAAAAA'));
    await a.close();
    expect(await b.listPublicRooms()).toEqual([]);
    expect((await b.liveNodes()).has(a.nodeId)).toBe(false);
  });

  it('picks the least-loaded node that is not draining', async () => {
    const p = fx.prefix();
    const a = await fx.node(p, { nodeId: 'node-a' });
    const b = await fx.node(p, { nodeId: 'node-b' });
    const c = await fx.node(p, { nodeId: 'node-c' });
    await a.registerRoom(room('AAAAAA', { players: 2 }));
    await b.registerRoom(room('BBBBBB', { players: 5 }));
    await c.registerRoom(room('CCCCCC', { players: 1 }));
    expect((await a.pickNodeForNewRoom())?.nodeId).toBe('node-c');
    await c.drain();
    expect(c.isDraining).toBe(true);
    expect((await a.pickNodeForNewRoom())?.nodeId).toBe('node-a');
    await a.drain();
    await b.drain();
    expect(await c.pickNodeForNewRoom()).toBeNull();
  });

  it('quick play prefers the fullest public room with space on a non-draining node', async () => {
    const p = fx.prefix();
    const a = await fx.node(p);
    const b = await fx.node(p);
    await a.registerRoom(room('AAAAAA', { players: 3 }));
    await a.registerRoom(room('FFFFFF', { players: 8 }));
    await a.registerRoom(room('PPPPPP', { players: 7, private: true }));
    await b.registerRoom(room('BBBBBB', { players: 6 }));
    expect((await a.findQuickRoom())?.code).toBe('BBBBBB');
    await b.drain();
    expect((await a.findQuickRoom())?.code).toBe('AAAAAA');
    await a.unregisterRoom('AAAAAA');
    expect(await b.findQuickRoom()).toBeNull();
  });

  it('refuses a room code another node already holds', async () => {
    const p = fx.prefix();
    const a = await fx.node(p);
    const b = await fx.node(p);
    expect(await a.registerRoom(room('AAAAAA'))).toBe(true);
    expect(await b.registerRoom(room('AAAAAA'))).toBe(false);
    expect((await b.findRoom('AAAAAA'))?.nodeId).toBe(a.nodeId);
    // b's unregister must not delete a's room.
    await b.unregisterRoom('AAAAAA');
    expect((await b.findRoom('AAAAAA'))?.nodeId).toBe(a.nodeId);
  });

  it('rejects start with a clear error when Redis is unreachable', async () => {
    const p = fx.prefix();
    await expect(fx.node(p, { redisUrl: 'redis://:secret@127.0.0.1:1' })).rejects.toThrow(
      /cluster: cannot use Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1/,
    );
  });
});

describe.skipIf(fx.skipReason !== null)('ClusterDirectory: Redis outage', () => {
  it('logs the outage, rejects calls with a clear ClusterError, keeps the process up, and closes', async () => {
    const redis = await fx.extraRedis();
    const log = memoryLog();
    const a = await fx.node(fx.prefix(), { redisUrl: redis.url, log });
    await a.registerRoom(room('AAAAAA'));
    await redis.stop();
    await log.waitFor(/^error: cluster: Redis connection error/);
    const err = await a.listPublicRooms().then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ClusterError);
    expect(err).toMatchObject({ kind: 'redis' });
    expect(String((err as Error).message)).toMatch(/^cluster: liveNodes failed: /);
    await log.waitFor(/^error: cluster: heartbeat failed/);
    await a.close();
  });
});
