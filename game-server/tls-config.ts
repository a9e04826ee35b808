/** The TLS part of the configuration: a certificate and key the server serves https and wss with. */
import { createPrivateKey, type KeyObject, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { HostingFail, RawPick } from './cluster-config.js';

/** PEM files of a certificate (its chain may follow it in the file) and its unencrypted private key. */
export interface TlsFiles {
  /** Absolute path of the certificate file. */
  readonly certFile: string;
  /** Absolute path of the key file. */
  readonly keyFile: string;
  /** When the certificate expires (ISO 8601), for the start-up log. */
  readonly validTo: string;
}

function read(fail: HostingFail, label: string, file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    return fail(`${label}: cannot read "${file}" (${code})`);
  }
}

function certificate(fail: HostingFail, file: string): X509Certificate {
  const pem = read(fail, '--tls-cert', file);
  try {
    return new X509Certificate(pem);
  } catch {
    return fail(`--tls-cert: "${file}" is not a PEM certificate`);
  }
}

function privateKey(fail: HostingFail, file: string): KeyObject {
  const pem = read(fail, '--tls-key', file);
  // PKCS#8 says "ENCRYPTED PRIVATE KEY", the older PEM form "Proc-Type: 4,ENCRYPTED".
  if (/-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type:\s*4,ENCRYPTED/.test(pem.toString('latin1')))
    fail(`--tls-key: "${file}" is encrypted; give the key without a passphrase`);
  try {
    return createPrivateKey(pem);
  } catch {
    return fail(`--tls-key: "${file}" is not a PEM private key`);
  }
}

/**
 * Reads --tls-cert/TLS_CERT_FILE and --tls-key/TLS_KEY_FILE: neither (plain http and ws) or both. The
 * files are checked here so that a bad one stops the start with one line: both readable PEM, the key
 * the certificate's, the certificate valid at `nowMs`.
 */
export function parseTls(pick: RawPick, fail: HostingFail, nowMs = Date.now()): TlsFiles | null {
  const certRaw = pick('tlsCert', 'TLS_CERT_FILE')?.trim() || undefined;
  const keyRaw = pick('tlsKey', 'TLS_KEY_FILE')?.trim() || undefined;
  if (certRaw === undefined && keyRaw === undefined) return null;
  if (certRaw === undefined || keyRaw === undefined)
    fail('--tls-cert/TLS_CERT_FILE and --tls-key/TLS_KEY_FILE go together: give both or neither');
  const certFile = resolve(certRaw);
  const keyFile = resolve(keyRaw);
  const cert = certificate(fail, certFile);
  const key = privateKey(fail, keyFile);
  if (!cert.checkPrivateKey(key)) fail(`--tls-key: "${keyFile}" is not the key of --tls-cert "${certFile}"`);
  const from = Date.parse(cert.validFrom);
  const to = Date.parse(cert.validTo);
  if (nowMs > to) fail(`--tls-cert: "${certFile}" expired on ${new Date(to).toISOString()}`);
  if (nowMs < from) fail(`--tls-cert: "${certFile}" is not valid before ${new Date(from).toISOString()}`);
  return Object.freeze({ certFile, keyFile, validTo: new Date(to).toISOString() });
}
