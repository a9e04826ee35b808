import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { httpsLocation } from '../../game-server/net/https-redirect.js';
import { ServerMsg, WS_PATH } from '../../protocol/index.js';
import { useHarness } from '../helpers/test-server.js';
import { FIXTURE_CA, fixtureTls, httpsFixtureRequest } from '../helpers/tls-fixture.js';
import { connectClient, type TestClient } from '../helpers/ws-client.js';

const TLS = fixtureTls();

/** An https request trusting the fixture certificate: status and parsed JSON body. */
async function httpsJson(
  url: string,
  method = 'GET',
  body?: string,
): Promise<{ status: number; json: unknown }> {
  const { status, text } = await httpsFixtureRequest(url, method, body);
  return { status, json: JSON.parse(text) };
}

describe('TLS (--tls-cert, --tls-key)', () => {
  const harness = useHarness();
  const clients: TestClient[] = [];
  afterEach(() => {
    for (const c of clients.splice(0)) c.ws.terminate();
  });

  it('serves https and wss with the certificate: health, a room link at https, and a game over wss', async () => {
    const server = await harness.start({ tls: TLS });
    expect(server.tls).toBe(true);
    const health = await httpsJson(harness.url(server, '/healthz'));
    expect(health).toMatchObject({ status: 200, json: { ok: true, native: true } });

    const created = await httpsJson(harness.url(server, '/api/rooms'), 'POST', '{"name":"Secure"}');
    expect(created.status).toBe(201);
    const { code, url } = created.json as { code: string; url: string };
    expect(url).toBe(`https://127.0.0.1:${server.port}/#/room/${code}`);

    const client = await connectClient(
      server.port,
      { name: 'tls', room: { kind: 'code', code } },
      {},
      { ca: FIXTURE_CA },
    );
    clients.push(client);
    const welcome = await client.nextMessage(ServerMsg.Welcome);
    expect(server.registry.get(code)?.world.players.has(welcome[2])).toBe(true);
    await client.nextMessage(ServerMsg.State);
  });

  it('a plain ws:// client gets no game from a TLS port, and the server goes on serving', async () => {
    const server = await harness.start({ tls: TLS });
    const plain = new WebSocket(`ws://127.0.0.1:${server.port}${WS_PATH}?name=plain`);
    const outcome = await new Promise<string>((resolve) => {
      plain.once('open', () => resolve('open'));
      plain.once('error', (err) => resolve(`error: ${err.message}`));
    });
    plain.terminate();
    expect(outcome).toMatch(/^error/);
    expect((await httpsJson(harness.url(server, '/healthz'))).status).toBe(200);
  });

  it('a client that does not trust the certificate is refused by the client, not served', async () => {
    const server = await harness.start({ tls: TLS });
    const untrusting = new WebSocket(`wss://127.0.0.1:${server.port}${WS_PATH}?name=x`);
    const outcome = await new Promise<string>((resolve) => {
      untrusting.once('open', () => resolve('open'));
      untrusting.once('error', (err) => resolve((err as NodeJS.ErrnoException).code ?? err.message));
    });
    untrusting.terminate();
    expect(outcome).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
  });
});

describe('--http-redirect-port', () => {
  const harness = useHarness();

  it('answers every plain-http request with 308 to the same path and query over https', async () => {
    const server = await harness.start({ tls: fixtureTls(), httpRedirectPort: 0 });
    const http = server.httpRedirectPort;
    if (http === null) throw new Error('no redirect listener');
    const res = await fetch(`http://127.0.0.1:${http}/#/room/ABCDEF`, { redirect: 'manual' });
    expect(res.status).toBe(308);
    expect(res.headers.get('location')).toBe(`https://127.0.0.1:${server.port}/`);
    const deep = await fetch(`http://127.0.0.1:${http}/api/rooms?x=1`, { redirect: 'manual' });
    expect(deep.headers.get('location')).toBe(`https://127.0.0.1:${server.port}/api/rooms?x=1`);
    // Where it points really is the server, over TLS.
    const health = await fetch(`http://127.0.0.1:${http}/healthz`, { redirect: 'manual' });
    expect((await httpsJson(health.headers.get('location') ?? '')).json).toMatchObject({ ok: true });
  });

  it('drops a :443 from the location and keeps a bracketed IPv6 host', () => {
    expect(httpsLocation('play.example.com:80', 443, '/', '')).toBe('https://play.example.com/');
    expect(httpsLocation('[::1]:8080', 8443, '/a', 'b=1')).toBe('https://[::1]:8443/a?b=1');
    expect(httpsLocation('', 443, '/', '')).toBe('https://localhost/');
  });
});

describe('room links behind a proxy (plain http)', () => {
  const harness = useHarness();
  const create = async (trustProxy: boolean, proto: string) => {
    const server = await harness.start({ trustProxy });
    const res = await fetch(harness.url(server, '/api/rooms'), {
      method: 'POST',
      headers: { 'x-forwarded-proto': proto, 'x-forwarded-for': '10.0.0.9' },
      body: '{"name":"Proxied"}',
    });
    return ((await res.json()) as { url: string }).url;
  };

  it('are https when a trusted proxy says the page was https, else http', async () => {
    expect(await create(true, 'https')).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/#\/room\/\w+$/);
    expect(await create(true, 'http')).toMatch(/^http:\/\//);
    // An untrusted header is the client's say-so: ignored.
    expect(await create(false, 'https')).toMatch(/^http:\/\//);
  });
});
