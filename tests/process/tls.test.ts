/** The real entry point (`node dist/node/game-server/main.js`) with --tls-cert and --tls-key. */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/redis-server.js';
import {
  buildServerIfStale,
  runServerCommand,
  type ServerProcess,
  startServerProcess,
  stopServerProcess,
} from '../helpers/server-process.js';
import { FIXTURE_CERT, httpsFixtureRequest, tlsFixture } from '../helpers/tls-fixture.js';

describe('the server command with TLS', () => {
  const started: ServerProcess[] = [];
  beforeAll(() => buildServerIfStale(), 120_000);
  afterEach(async () => {
    await Promise.all(started.splice(0).map((p) => stopServerProcess(p)));
  });

  it('says it listens at https, with the certificate’s expiry, and serves the page over TLS', async () => {
    const port = await freePort();
    const p = await startServerProcess(port, [
      '--tls-cert',
      FIXTURE_CERT,
      '--tls-key',
      tlsFixture('localhost.key'),
    ]);
    started.push(p);
    const listening = JSON.parse(await p.waitForLine(/"msg":"listening"/)) as Record<string, unknown>;
    expect(listening.url).toBe(`https://127.0.0.1:${port}/`);
    expect(listening.certificateValidTo).toBe('2120-01-01T00:00:00.000Z');
    expect((await httpsFixtureRequest(`https://127.0.0.1:${port}/healthz`)).status).toBe(200);
  });

  it('exits with status 2 and one line naming the flag when the key is not the certificate’s', async () => {
    const other = tlsFixture('other.key');
    const { code, stdout, stderr } = await runServerCommand([
      '--port',
      '0',
      '--tls-cert',
      FIXTURE_CERT,
      '--tls-key',
      other,
    ]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      `tickfire: --tls-key: "${other}" is not the key of --tls-cert "${FIXTURE_CERT}" (see --help)\n`,
    );
  });
});
