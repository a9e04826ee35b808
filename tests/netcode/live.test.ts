import { describe, expect, it } from 'vitest';
import type { NetConditions } from '../../game-client/net/net-conditions.js';
import { PERFECT_NET } from '../../game-client/net/net-conditions.js';
import { Session } from '../../game-client/net/session.js';
import { withNetConditions } from '../../game-client/net/sim-socket.js';
import {
  ARENA,
  ClientMsg,
  joinQuery,
  Key,
  movePlayer,
  PLAYER_SPEED_PX_S,
  type Point,
  WS_PATH,
} from '../../protocol/index.js';
import { quietRoom, recordingSocket, useSessions, welcomed } from '../helpers/sessions.js';
import { useHarness } from '../helpers/test-server.js';
import { nodeSocket } from '../helpers/ws-socket.js';

const TICK_HZ = 30;
const STEP_PX = PLAYER_SPEED_PX_S / TICK_HZ;
const PATTERN = [Key.Right, Key.Down, Key.Left | Key.Down, Key.Up, Key.Right | Key.Up, Key.Left, 0];

/** A Session through simulated conditions; `sent` records the keys of every Input by sequence as it leaves the client. */
function open(port: number, query: string, net: NetConditions, sent?: number[]): Session {
  return new Session({
    url: `ws://127.0.0.1:${port}${WS_PATH}?${query}`,
    socketFactory: recordingSocket(withNetConditions(nodeSocket, net), (msg) => {
      if (sent && msg[0] === ClientMsg.Input) sent[msg[1]] = msg[2];
    }),
  });
}

describe('netcode against the real server through the network simulator', () => {
  const harness = useHarness();
  const { track, pump } = useSessions();

  it('prediction equals the server state replayed exactly after every reconciliation (150 ms RTT)', async () => {
    const server = await harness.start();
    const net = { ...PERFECT_NET, delayMs: 150 };
    const keysBySeq: number[] = [0];
    const a = track(
      open(server.port, joinQuery('mover', { kind: 'code', code: quietRoom(server).code }), net, keysBySeq),
    );
    const t0 = performance.now();
    a.setInputSource(() => ({
      keys: PATTERN[Math.floor((performance.now() - t0) / 400) % PATTERN.length]!,
      aimRad: 0,
    }));
    await welcomed(a);
    const myId = a.room!.playerId;
    let checks = 0;
    let maxErr = 0;
    await pump(() => {
      a.frame();
      const latest = a.buffer.latest;
      const me = latest?.players.get(myId);
      const predicted = a.predictedPosition;
      if (!latest || !me || !predicted || !me.alive) return false;
      let p: Point = { x: me.x, y: me.y };
      for (let seq = latest.ack + 1; seq < keysBySeq.length; seq++)
        p = movePlayer(p, keysBySeq[seq]!, 1 / TICK_HZ, ARENA);
      maxErr = Math.max(maxErr, Math.hypot(p.x - predicted.x, p.y - predicted.y));
      checks += 1;
      return keysBySeq.length > 240;
    }, 30_000);
    const stats = a.netStats();
    const room = server.registry.get(a.room!.roomCode)!.stats;
    console.info(
      `[netcode] prediction: ${checks} frames checked, max error ${maxErr} px, ${stats.corrections} corrections, RTT ${stats.rttMs.toFixed(1)} ms, pending ${stats.pendingInputs}; server skipped ${room.inputsLate} inputs as late, dropped ${room.inputsDropped}`,
    );
    expect(checks).toBeGreaterThan(100);
    expect(maxErr).toBe(0);
    expect(stats.rttMs).toBeGreaterThan(140);
  }, 60_000);

  it('remote motion has no jump larger than one snapshot interval of movement (150 ms + 30 ms jitter)', async () => {
    const server = await harness.start();
    const net = { ...PERFECT_NET, delayMs: 150, jitterMs: 30 };
    const a = track(
      open(server.port, joinQuery('mover', { kind: 'code', code: quietRoom(server).code }), net),
    );
    let n = 0;
    a.setInputSource(() => ({ keys: PATTERN[Math.floor(n++ / 15) % (PATTERN.length - 1)]!, aimRad: 0 }));
    await welcomed(a);
    const code = a.room!.roomCode;
    const b = track(open(server.port, joinQuery('watcher', { kind: 'code', code }), net));
    await welcomed(b);
    const moverId = a.room!.playerId;
    const samples: { at: number; x: number; y: number }[] = [];
    await pump(() => {
      a.frame();
      const f = b.frame();
      const other = f?.others.find((p) => p.id === moverId);
      if (other?.alive) samples.push({ at: performance.now(), x: other.x, y: other.y });
      return samples.length >= 300;
    }, 30_000);
    let worst = 0;
    let stalls = 0;
    for (let i = 1; i < samples.length; i++) {
      const s0 = samples[i - 1]!;
      const s1 = samples[i]!;
      const jump = Math.hypot(s1.x - s0.x, s1.y - s0.y);
      // Normalised to one snapshot interval of frame time (frames here are ~16 ms, more under load).
      const allowed = STEP_PX * Math.max(1, (s1.at - s0.at) / (1000 / TICK_HZ)) * 1.1 + 0.01;
      worst = Math.max(worst, jump / allowed);
      if (jump === 0) stalls += 1;
    }
    const stats = b.netStats();
    console.info(
      `[netcode] remote: ${samples.length} frames, worst jump ${(worst * 100).toFixed(0)}% of allowed, ${stalls} still frames, interp ${stats.interpDelayMs.toFixed(0)} ms, snapshot jitter ${stats.snapshotJitterMs.toFixed(1)} ms, underruns ${stats.underruns}, extrapolated ${stats.extrapolatedFrames}`,
    );
    expect(worst).toBeLessThanOrEqual(1);
  }, 60_000);
});
