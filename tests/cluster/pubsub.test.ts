import { describe, expect, it } from 'vitest';
import {
  type ClusterChatMessage,
  ClusterError,
  type CreateRoomSpec,
} from '../../game-server/cluster/index.js';
import { useCluster } from '../helpers/cluster-fixture.js';

const fx = useCluster();

const spec: CreateRoomSpec = { name: 'Friday', maxPlayers: 12, private: true, arena: 'large' };

describe.skipIf(fx.skipReason !== null)('ClusterDirectory: cross-node requests and pub/sub', () => {
  it('a create-room request is answered by the target node', async () => {
    const p = fx.prefix();
    const a = await fx.node(p);
    const b = await fx.node(p);
    const seen: CreateRoomSpec[] = [];
    a.onCreateRoomRequest(async (s) => {
      seen.push(s);
      await a.registerRoom({
        code: 'NEWONE',
        name: s.name,
        players: 0,
        maxPlayers: s.maxPlayers,
        private: s.private,
        state: 'playing',
      });
      return 'NEWONE';
    });
    const target = await b.pickNodeForNewRoom();
    expect(target).not.toBeNull();
    const code = await b.requestCreateRoom(a.nodeId, spec);
    expect(code).toBe('NEWONE');
    expect(seen).toEqual([spec]);
    expect((await b.findRoom('NEWONE'))?.nodeId).toBe(a.nodeId);
  });

  it('a request to this node runs the handler locally', async () => {
    const a = await fx.node(fx.prefix());
    a.onCreateRoomRequest(() => 'LOCAL1');
    expect(await a.requestCreateRoom(a.nodeId, spec)).toBe('LOCAL1');
  });

  it('a refusal by the target, an absent node and a silent node reject with ClusterError', async () => {
    const p = fx.prefix();
    const a = await fx.node(p);
    const b = await fx.node(p);
    a.onCreateRoomRequest(() => {
      throw new Error('the server has reached its room limit');
    });
    await expect(b.requestCreateRoom(a.nodeId, spec)).rejects.toMatchObject({
      kind: 'refused',
      message: 'cluster: the server has reached its room limit',
    });
    const absent = b.requestCreateRoom('no-such-node', spec);
    await expect(absent).rejects.toBeInstanceOf(ClusterError);
    await expect(absent).rejects.toMatchObject({ kind: 'no_node' });
    // A handler that never answers: the request times out.
    a.onCreateRoomRequest(() => new Promise<string>(() => {}));
    await expect(b.requestCreateRoom(a.nodeId, spec, 150)).rejects.toMatchObject({ kind: 'timeout' });
  });

  it('chat published on one node reaches the subscriber on the other', async () => {
    const p = fx.prefix();
    const a = await fx.node(p);
    const b = await fx.node(p);
    const got = new Promise<ClusterChatMessage>((resolve) => {
      void b.onChat('AAAAAA', resolve).then(async () => {
        await a.publishChat('BBBBBB', { from: 'eve', text: 'other room' });
        await a.publishChat('AAAAAA', { from: 'alice', text: 'gg' });
      });
    });
    expect(await got).toEqual({ code: 'AAAAAA', nodeId: a.nodeId, from: 'alice', text: 'gg' });
  });

  it('a node skips its own chat unless asked, and stops after unsubscribing', async () => {
    const p = fx.prefix();
    const a = await fx.node(p);
    const b = await fx.node(p);
    const own: string[] = [];
    const all: string[] = [];
    await a.onChat('AAAAAA', (m) => own.push(m.text));
    const stopAll = await a.onChat('AAAAAA', (m) => all.push(m.text), true);
    const fromB = new Promise<void>((resolve) => {
      void a.onChat('AAAAAA', (m) => m.text === 'from b' && resolve());
    });
    await a.publishChat('AAAAAA', { from: 'alice', text: 'from a' });
    await b.publishChat('AAAAAA', { from: 'bob', text: 'from b' });
    await fromB;
    expect(own).toEqual(['from b']);
    expect(all).toEqual(['from a', 'from b']);
    await stopAll();
    const last = new Promise<void>((resolve) => {
      void a.onChat('AAAAAA', (m) => m.text === 'last' && resolve());
    });
    await b.publishChat('AAAAAA', { from: 'bob', text: 'last' });
    await last;
    expect(all).toEqual(['from a', 'from b']);
  });
});
