import { describe, expect, it } from 'vitest';
import { PERFECT_NET } from '../../game-client/net/net-conditions.js';
import { Session } from '../../game-client/net/session.js';
import { withNetConditions } from '../../game-client/net/sim-socket.js';
import { ClientMsg, joinQuery, ServerMsg, WS_PATH } from '../../protocol/index.js';
import { quietRoom, useSessions, welcomed } from '../helpers/sessions.js';
import { useHarness } from '../helpers/test-server.js';
import { nodeSocket } from '../helpers/ws-socket.js';

describe('reported round trips through a real server', () => {
  const h = useHarness();
  const { track, pump } = useSessions();

  it('the reference client reports the round trip it measures and sees it on its own roster row', async () => {
    const server = await h.start();
    const code = quietRoom(server, 'client pings').code;
    // 80 ms of simulated round trip, so the figure is the client's measurement, not a constant.
    const session = track(
      new Session({
        url: `ws://127.0.0.1:${server.port}${WS_PATH}?${joinQuery('pinger', { kind: 'code', code })}`,
        socketFactory: withNetConditions(nodeSocket, { ...PERFECT_NET, delayMs: 80 }),
      }),
    );
    await welcomed(session);
    const me = session.room!.playerId;
    await pump(() => (session.rowOf(me)?.pingMs ?? 0) > 0, 8000);
    const shown = session.rowOf(me)!.pingMs;
    expect(shown).toBeGreaterThanOrEqual(78);
    expect(shown).toBeLessThan(200);
    expect(Math.abs(shown - session.clock.rttMs)).toBeLessThan(40);
  });

  it('each player’s Ping rttMs reaches everyone in the room in Pings, and GET /metrics', async () => {
    const server = await h.start();
    const code = quietRoom(server, 'pings').code;
    const ann = await h.connect(server, { name: 'ann', room: { kind: 'code', code } });
    const bob = await h.connect(server, { name: 'bob', room: { kind: 'code', code } });
    const annId = (await ann.nextMessage(ServerMsg.Welcome))[2];
    const bobId = (await bob.nextMessage(ServerMsg.Welcome))[2];
    ann.send([ClientMsg.Ping, 1, 35]);
    bob.send([ClientMsg.Ping, 1, 120]);
    const both = (m: readonly [number, readonly number[]]) => m[1].length === 4;
    // Pings go out every 2 s: wait at most two periods.
    const seenByAnn = await ann.nextMessage(ServerMsg.Pings, both, 5000);
    const seenByBob = await bob.nextMessage(ServerMsg.Pings, both, 5000);
    expect(new Map(pairs(seenByAnn[1]))).toEqual(
      new Map([
        [annId, 35],
        [bobId, 120],
      ]),
    );
    expect(seenByBob).toEqual(seenByAnn);
    const metrics = await (await fetch(h.url(server, '/metrics'))).text();
    expect(metrics).toContain('tickfire_player_rtt_ms{quantile="0.5"} 35');
    expect(metrics).toContain('tickfire_player_rtt_ms{quantile="0.99"} 120');
  });
});

function pairs(flat: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) out.push([flat[i]!, flat[i + 1]!]);
  return out;
}
