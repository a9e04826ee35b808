/** The TLS test fixtures (tests/fixtures/tls/README.md): a self-signed localhost certificate and keys. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { httpRequest } from '../../bench/shared/bench-tls.js';
import { parseTls, type TlsFiles } from '../../game-server/tls-config.js';

/** Absolute path of a file in tests/fixtures/tls. */
export const tlsFixture = (name: string): string => join(import.meta.dirname, '..', 'fixtures', 'tls', name);

/** The valid certificate (its own CA: a client trusting it alone verifies the server). */
export const FIXTURE_CERT = tlsFixture('localhost.crt');
/** The certificate's key. */
export const FIXTURE_KEY = tlsFixture('localhost.key');
/** The certificate's bytes, as a client's `ca`. */
export const FIXTURE_CA: Buffer = readFileSync(FIXTURE_CERT);

/** The valid pair as the server's Config takes it. */
export function fixtureTls(): TlsFiles {
  const pick = (flag: string) => ({ tlsCert: FIXTURE_CERT, tlsKey: FIXTURE_KEY })[flag];
  const tls = parseTls(pick, (message) => {
    throw new Error(message);
  });
  if (!tls) throw new Error('fixture TLS pair not read');
  return tls;
}

/** One https request trusting only the fixture certificate (fetch takes no CA): status and body text. */
export function httpsFixtureRequest(
  url: string,
  method = 'GET',
  body?: string,
): Promise<{ status: number; text: string }> {
  return httpRequest(url, { method, ca: FIXTURE_CA, ...(body === undefined ? {} : { body }) });
}
