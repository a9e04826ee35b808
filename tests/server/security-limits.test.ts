import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { ClientMsg, CloseCode, JoinError, joinQuery, resumeQuery, ServerMsg } from '../../protocol/index.js';
import { percentile, recordStateGaps } from '../helpers/state-gaps.js';
import { useHarness } from '../helpers/test-server.js';
import { connectClient, refusedUpgrade } from '../helpers/ws-client.js';

const h = useHarness();
const quick = (name: string) => ({ name, room: { kind: 'quick' as const } });

describe('floods', () => {
  it('a client flooding inputs is closed with 4003 within a second', async () => {
    const server = await h.start();
    const c = await h.connect(server, quick('flood'));
    await c.nextMessage(ServerMsg.Welcome);
    const t0 = performance.now();
    for (let i = 1; i <= 1000; i++) c.send([ClientMsg.Input, i, 1, 0, 0, 0]);
    const closed = await c.closed;
    expect(closed.code).toBe(CloseCode.RateLimited);
    expect(closed.reason).toBe('rate_limited: far too many inputs');
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(server.counters.count('ws_close', 'rate_limited')).toBe(1);
  });

  it('chat past the limit gets notices, a chat flood is closed with 4003 within a second', async () => {
    const server = await h.start();
    const c = await h.connect(server, quick('chatty'));
    await c.nextMessage(ServerMsg.Welcome);
    const t0 = performance.now();
    const timer = setInterval(() => {
      if (c.ws.readyState === c.ws.OPEN) c.send([ClientMsg.Chat, 'spam']);
    }, 5);
    const notice = await c.nextMessage(ServerMsg.Notice);
    const closed = await c.closed;
    clearInterval(timer);
    expect(notice[2]).toMatch(/^rate_limited/);
    expect(closed.code).toBe(CloseCode.RateLimited);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe('slow consumers', () => {
  it('a client that stops reading is closed with 4008, its seat held for a resume, the others play on', async () => {
    const server = await h.start({ slowConsumerBytes: 16 * 1024, slowConsumerMs: 300 });
    const slow = await h.connect(server, quick('sloth'));
    const welcome = await slow.nextMessage(ServerMsg.Welcome);
    const [, , id, code] = welcome;
    const other = await h.connect(server, { name: 'fine', room: { kind: 'code', code } });
    await other.nextMessage(ServerMsg.Welcome);
    const socket = Reflect.get(slow.ws, '_socket') as Socket;
    socket.pause();
    const refused = new Promise<string>((resolve) => {
      server.counters.onRefusal((kind, word) => {
        if (kind === 'ws_close') resolve(word);
      });
    });
    // The room answers Pings at once: push Pongs at the paused socket until its kernel buffers are full
    // and uWS holds more than the bound in user space (but less than maxBackpressure, so the close frame fits).
    const room = server.registry.get(code)!;
    let stop = false;
    void refused.then(() => {
      stop = true;
    });
    while (!stop && server.bufferedBytes() < 48 * 1024) {
      for (let i = 0; i < 200; i++) room.receive(id, [ClientMsg.Ping, Math.PI * i, 20]);
      await new Promise((r) => setImmediate(r));
    }
    expect(await refused).toBe('slow_consumer');
    socket.resume();
    const closed = await slow.closed;
    expect(closed.code).toBe(CloseCode.SlowConsumer);
    expect(closed.reason).toMatch(/^slow_consumer: /);
    await other.nextMessage(ServerMsg.State);
    // 4008 is network trouble, not a refusal: the seat is held and the same player comes back.
    expect(server.registry.playerCount).toBe(2);
    expect(room.isDetached(id)).toBe(true);
    const back = await h.connect(server, resumeQuery(welcome[12]));
    const again = await back.nextMessage(ServerMsg.Welcome);
    expect(again[2]).toBe(id);
    expect(again[3]).toBe(code);
    expect(room.isDetached(id)).toBe(false);
  });

  it('a client refused for a bad frame (4001) loses its seat at once', async () => {
    const server = await h.start();
    const bad = await h.connect(server, quick('bad'));
    const welcome = await bad.nextMessage(ServerMsg.Welcome);
    bad.sendRaw('text');
    expect((await bad.closed).code).toBe(CloseCode.BadMessage);
    await expect.poll(() => server.registry.playerCount).toBe(0);
    expect((await refusedUpgrade(server.port, resumeQuery(welcome[12]))).status).toBe(410);
  });
});

describe('connection storms and per-address limits', () => {
  it('hundreds of connects in a second: extras get 429, the server stays responsive', async () => {
    const server = await h.start({ trustProxy: true });
    const honest = await h.connect(server, quick('honest'), { 'X-Forwarded-For': '198.51.100.7' });
    await honest.nextMessage(ServerMsg.Welcome);
    const gaps = recordStateGaps(honest.ws);
    const storm = { 'X-Forwarded-For': '203.0.113.9' };
    const t0 = performance.now();
    const results = await Promise.allSettled(
      Array.from({ length: 300 }, (_, i) => connectClient(server.port, quick(`s${i}`), storm)),
    );
    const stormMs = performance.now() - t0;
    const accepted = results.filter((r) => r.status === 'fulfilled');
    const refused = results.filter((r) => r.status === 'rejected');
    for (const r of accepted) r.value.ws.terminate();
    expect(accepted.length).toBeLessThanOrEqual(30);
    expect(accepted.length + refused.length).toBe(300);
    for (const r of refused) expect(String(r.reason)).toContain(`refused with ${JoinError.rate_limited}`);
    const body = await refusedUpgrade(server.port, quick('late'), storm);
    expect(body).toMatchObject({ status: 429, body: { error: 'rate_limited' } });
    const health = await fetch(h.url(server, '/healthz'));
    expect(health.status).toBe(200);
    await honest.nextMessage(ServerMsg.State);
    const p99 = percentile(gaps.gaps(), 99);
    console.log(
      `storm: 300 connects in ${Math.round(stormMs)} ms, ${accepted.length} accepted; honest p99 gap ${p99.toFixed(1)} ms`,
    );
    expect(p99).toBeLessThan(200);
  });

  it('refuses sockets beyond --max-conns-per-ip until one closes', async () => {
    const server = await h.start({ maxConnsPerIp: 3 });
    const open = [];
    for (let i = 0; i < 3; i++) open.push(await h.connect(server, quick(`p${i}`)));
    const refused = await refusedUpgrade(server.port, quick('p3'));
    expect(refused).toMatchObject({ status: 429, body: { error: 'rate_limited' } });
    expect((refused.body as { reason: string }).reason).toMatch(/^too_many_connections/);
    await open[0]!.close();
    const again = await h.connect(server, quick('p4'));
    await again.nextMessage(ServerMsg.Welcome);
  });

  it('rate-limits join probes and room creation per address with 429 rate_limited', async () => {
    const server = await h.start({ joinBurst: 3, joinRatePerS: 1 });
    const q = joinQuery('a', { kind: 'quick' });
    for (let i = 0; i < 3; i++) expect((await fetch(h.url(server, `/api/join?${q}`))).status).toBe(200);
    const limited = await fetch(h.url(server, `/api/join?${q}`));
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ error: 'rate_limited' });
    const post = await fetch(h.url(server, '/api/rooms'), { method: 'POST', body: '{"name":"x"}' });
    expect(post.status).toBe(429);
  });
});

describe('origins', () => {
  it('refuses a foreign Origin with 403 bad_origin; same-origin and no Origin are accepted', async () => {
    const server = await h.start();
    const bad = await refusedUpgrade(server.port, quick('evil'), { Origin: 'https://evil.example' });
    expect(bad).toMatchObject({ status: JoinError.bad_origin, body: { error: 'bad_origin' } });
    const nul = await refusedUpgrade(server.port, quick('evil'), { Origin: 'null' });
    expect(nul.status).toBe(403);
    const same = await h.connect(server, quick('same'), { Origin: `http://127.0.0.1:${server.port}` });
    await same.nextMessage(ServerMsg.Welcome);
    const none = await h.connect(server, quick('bot'));
    await none.nextMessage(ServerMsg.Welcome);
    const post = await fetch(h.url(server, '/api/rooms'), {
      method: 'POST',
      headers: { Origin: 'https://evil.example', 'Content-Type': 'text/plain' },
      body: '{"name":"csrf"}',
    });
    expect(post.status).toBe(403);
    expect(server.counters.count('http', 'bad_origin')).toBe(3);
  });

  it('with --allowed-origins only the listed origins may join', async () => {
    const server = await h.start({ allowedOrigins: ['https://play.example'] });
    const ok = await h.connect(server, quick('ok'), { Origin: 'https://play.example' });
    await ok.nextMessage(ServerMsg.Welcome);
    const same = await refusedUpgrade(server.port, quick('x'), { Origin: `http://127.0.0.1:${server.port}` });
    expect(same.status).toBe(403);
  });
});

describe('metrics', () => {
  it('GET /metrics counts refusals by reason', async () => {
    const server = await h.start();
    const c = await h.connect(server, quick('m'));
    await c.nextMessage(ServerMsg.Welcome);
    c.sendRaw('text');
    expect((await c.closed).code).toBe(CloseCode.BadMessage);
    const text = await (await fetch(h.url(server, '/metrics'))).text();
    expect(text).toContain('tickfire_refusals_total{kind="ws_close",reason="not_binary"} 1');
  });
});
