import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  ClientMsg,
  CloseCode,
  encode,
  joinQuery,
  MAX_CLIENT_FRAME_BYTES,
  ServerMsg,
  WS_PATH,
} from '../../protocol/index.js';
import { expectedReason, invalidFrame, seededRandom, validBurst } from '../helpers/hostile-frames.js';
import { percentile, recordStateGaps } from '../helpers/state-gaps.js';
import { useHarness } from '../helpers/test-server.js';
import type { TestClient } from '../helpers/ws-client.js';

const h = useHarness();
const TICK_MS = 1000 / 30;
const TARGET_FRAMES = 10_000;
const WORKERS = 6;
/** The fuzzing lasts at least this long, so the honest players' gaps are measured over many frames. */
const MIN_FUZZ_MS = 2000;
/** Pause of each hostile worker between connections: keeps the test's own load bounded on 2 shared cores. */
const WORKER_PAUSE_MS = 25;

interface Outcome {
  readonly code: number;
  readonly reason: string;
}

/** One hostile connection: joins `code`, sends `frames` in one go, resolves with how it was closed. */
function hostile(port: number, code: string, frames: readonly (Uint8Array | string)[]): Promise<Outcome> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}${WS_PATH}?${joinQuery('fuzz', { kind: 'code', code })}`);
  return new Promise((resolve, reject) => {
    // A refused upgrade (e.g. 409 room_full) would otherwise surface as a bare 1006: report the status.
    ws.once('unexpected-response', (_req, res) => {
      resolve({ code: res.statusCode ?? 0, reason: `http ${res.statusCode}: upgrade refused` });
      ws.terminate();
    });
    ws.once('open', () => {
      for (const f of frames) ws.send(f, { binary: typeof f !== 'string' });
    });
    ws.once('close', (c, r) => resolve({ code: c, reason: r.toString() }));
    ws.once('error', (e) => {
      if (ws.readyState !== WebSocket.CLOSED && ws.readyState !== WebSocket.CLOSING) reject(e);
    });
  });
}

/** Paces an honest client: one input per tick until stopped. */
function play(c: TestClient): () => void {
  let seq = 0;
  const timer = setInterval(() => {
    seq += 1;
    c.send([ClientMsg.Input, seq, seq % 16, (seq * 37) % 3142, 0, 0]);
  }, TICK_MS);
  return () => clearInterval(timer);
}

describe('fuzzing the WebSocket endpoint', () => {
  it('frees the seat of a socket uWS drops for an oversize frame (no resume hold)', async () => {
    const server = await h.start({ maxConnsPerIp: 0, joinRatePerS: 0, handshakesPerS: 1_000_000 });
    const a = await h.connect(server, { name: 'ann', room: { kind: 'quick' } });
    const [, , , code] = await a.nextMessage(ServerMsg.Welcome);
    const got = await hostile(server.port, code, [new Uint8Array(MAX_CLIENT_FRAME_BYTES + 1)]);
    expect(got).toEqual({ code: 1006, reason: '' });
    await expect.poll(() => server.openSockets).toBe(1);
    expect(server.registry.playerCount).toBe(1);
    expect(server.counters.count('ws_close', 'too_large')).toBe(1);
  });

  it('closes every hostile socket with the right code while two honest players play on', async () => {
    const server = await h.start({ maxConnsPerIp: 0, joinRatePerS: 0, handshakesPerS: 1_000_000 });
    const a = await h.connect(server, { name: 'ann', room: { kind: 'quick' } });
    const [, , , code] = await a.nextMessage(ServerMsg.Welcome);
    const b = await h.connect(server, { name: 'bob', room: { kind: 'code', code } });
    await b.nextMessage(ServerMsg.Welcome);
    const gapsA = recordStateGaps(a.ws);
    const gapsB = recordStateGaps(b.ws);
    const stops = [play(a), play(b)];
    await a.nextMessage(ServerMsg.State);
    const rssBefore = process.memoryUsage().rss;
    gapsA.reset();
    gapsB.reset();

    const rnd = seededRandom(0x7f1c);
    let sent = 0;
    let connections = 0;
    const wrong: string[] = [];
    const t0 = performance.now();
    const worker = async () => {
      while (sent < TARGET_FRAMES || performance.now() - t0 < MIN_FUZZ_MS) {
        await new Promise((r) => setTimeout(r, WORKER_PAUSE_MS));
        // A few valid frames (within every rate limit), then one the server must refuse.
        const valid = Math.floor(rnd() * 40);
        const frames: (Uint8Array | string)[] = validBurst(rnd, valid).map((m) => encode(m));
        const pick = rnd();
        let expected: Outcome;
        if (pick < 0.05) {
          for (let i = 0; i < 400; i++) frames.push(encode([ClientMsg.Input, valid + i + 1, 1, 0, 0, 0]));
          expected = { code: CloseCode.RateLimited, reason: 'rate_limited' };
        } else if (pick < 0.08) {
          frames.push('{"kind":1}');
          expected = { code: CloseCode.BadMessage, reason: 'not_binary' };
        } else if (pick < 0.1) {
          frames.push(new Uint8Array(513 + Math.floor(rnd() * 4000)));
          expected = { code: 1006, reason: '' };
        } else {
          const bad = invalidFrame(rnd);
          frames.push(bad);
          // uWS itself drops a frame over the limit (1006, no close frame) before the validator sees it.
          expected =
            bad.byteLength > MAX_CLIENT_FRAME_BYTES
              ? { code: 1006, reason: '' }
              : { code: CloseCode.BadMessage, reason: expectedReason(bad) };
        }
        // Frames after the refused one are ignored by the server; count only what it had to read.
        sent += frames.length;
        connections += 1;
        const got = await hostile(server.port, code, frames);
        if (got.code !== expected.code || got.reason.split(':')[0] !== expected.reason)
          wrong.push(`${JSON.stringify(got)} != ${JSON.stringify(expected)}`);
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, worker));
    const fuzzMs = performance.now() - t0;
    // Keep playing a little so the honest measurement covers more than the burst.
    await a.nextMessage(ServerMsg.State);
    for (const stop of stops) stop();

    expect(wrong).toEqual([]);
    expect(sent).toBeGreaterThanOrEqual(TARGET_FRAMES);
    const gaps = [...gapsA.gaps(), ...gapsB.gaps()];
    const p50 = percentile(gaps, 50);
    const p99 = percentile(gaps, 99);
    const max = Math.max(...gaps);
    const rssAfter = process.memoryUsage().rss;
    console.log(
      `fuzz: ${sent} frames on ${connections} hostile sockets in ${Math.round(fuzzMs)} ms; ` +
        `honest State gaps p50 ${p50.toFixed(1)} p99 ${p99.toFixed(1)} max ${max.toFixed(1)} ms ` +
        `(${gaps.length} gaps); rss ${(rssBefore / 2 ** 20).toFixed(0)} -> ${(rssAfter / 2 ** 20).toFixed(0)} MiB`,
    );
    expect(gaps.length).toBeGreaterThan(20);
    expect(p99).toBeLessThan(2 * TICK_MS);
    expect(max).toBeLessThan(500);

    // The server is intact: the honest pair still plays, and nothing of the hostile sockets is left.
    expect(server.openSockets).toBe(2);
    expect(server.registry.playerCount).toBe(2);
    expect(server.addressLimits.connections('127.0.0.1')).toBe(2);
    await b.nextMessage(ServerMsg.State);
    expect(
      server.counters.count('ws_close', 'bad_input') + server.counters.count('ws_close', 'malformed'),
    ).toBeGreaterThan(0);
    expect(rssAfter - rssBefore).toBeLessThan(96 * 2 ** 20);
  });
});
