/** The certificate the tickfire-tls system serves and its bots trust (the self-signed localhost test pair), and https requests trusting it. */
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { findPackageRoot } from '../../game-server/package-root.js';

const dir = join(findPackageRoot(), 'tests', 'fixtures', 'tls');
/** PEM certificate (valid for 127.0.0.1, its own CA). */
export const BENCH_TLS_CERT = join(dir, 'localhost.crt');
/** Its key. */
export const BENCH_TLS_KEY = join(dir, 'localhost.key');
/** The certificate's bytes, for a client's `ca`. */
export const benchTlsCa = (): Buffer => readFileSync(BENCH_TLS_CERT);

/** One https request trusting only `ca` (fetch takes no CA): status and body text. */
export function httpsRequest(
  url: string,
  ca: Buffer,
  method = 'GET',
  body?: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers = body === undefined ? {} : { 'content-type': 'application/json' };
    const req = request(url, { method, ca, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        text += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}
