/** The certificate the tickfire-tls system serves and its bots trust: the self-signed localhost test pair. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findPackageRoot } from '../../game-server/package-root.js';

const dir = join(findPackageRoot(), 'tests', 'fixtures', 'tls');
/** PEM certificate (valid for 127.0.0.1, its own CA). */
export const BENCH_TLS_CERT = join(dir, 'localhost.crt');
/** Its key. */
export const BENCH_TLS_KEY = join(dir, 'localhost.key');
/** The certificate's bytes, for a client's `ca`. */
export const benchTlsCa = (): Buffer => readFileSync(BENCH_TLS_CERT);
