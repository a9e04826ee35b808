/** The certificate the tickfire-tls system serves and its bots trust (the self-signed localhost test pair), and http(s) requests that trust it. */
import { readFileSync } from 'node:fs';
import { request as httpSend } from 'node:http';
import { request as httpsSend } from 'node:https';
import { join } from 'node:path';
import { findPackageRoot } from '../../game-server/package-root.js';

const dir = join(findPackageRoot(), 'tests', 'fixtures', 'tls');
/** PEM certificate (valid for 127.0.0.1, its own CA). */
export const BENCH_TLS_CERT = join(dir, 'localhost.crt');
/** Its key. */
export const BENCH_TLS_KEY = join(dir, 'localhost.key');
/** The certificate's bytes, for a client's `ca`. */
export const benchTlsCa = (): Buffer => readFileSync(BENCH_TLS_CERT);

/** One http(s) request (the URL's scheme picks which); https trusts only `ca` when given (fetch takes no CA). */
export function httpRequest(
  url: string,
  o: { readonly method?: string; readonly body?: string; readonly ca?: Buffer } = {},
): Promise<{ status: number; text: string }> {
  const send = url.startsWith('https:') ? httpsSend : httpSend;
  return new Promise((resolve, reject) => {
    const headers = o.body === undefined ? {} : { 'content-type': 'application/json' };
    const req = send(url, { method: o.method ?? 'GET', headers, ...(o.ca ? { ca: o.ca } : {}) }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        text += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(o.body);
  });
}
