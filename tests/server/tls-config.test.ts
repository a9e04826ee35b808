import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../game-server/config.js';
import { parseTls } from '../../game-server/tls-config.js';
import { FIXTURE_CERT, FIXTURE_KEY, tlsFixture } from '../helpers/tls-fixture.js';

const argv = (...flags: string[]) => ['node', 'main.js', ...flags];

/** The one line parseConfig refuses `args`/`env` with (and that it is a ConfigError exiting 2). */
function refusal(args: string[], env: Record<string, string> = {}): string {
  try {
    parseConfig(args, env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).exitCode).toBe(2);
    return (err as Error).message;
  }
  throw new Error('parseConfig accepted it');
}

describe('TLS configuration', () => {
  it('is off by default, and on with a certificate and its key from flags or environment', () => {
    expect(parseConfig(argv(), {}).tls).toBeNull();
    const byFlags = parseConfig(argv('--tls-cert', FIXTURE_CERT, '--tls-key', FIXTURE_KEY), {}).tls;
    expect(byFlags).toEqual({
      certFile: FIXTURE_CERT,
      keyFile: FIXTURE_KEY,
      validTo: '2120-01-01T00:00:00.000Z',
    });
    expect(parseConfig(argv(), { TLS_CERT_FILE: FIXTURE_CERT, TLS_KEY_FILE: FIXTURE_KEY }).tls).toEqual(
      byFlags,
    );
  });

  it('refuses an http public URL for a process that answers only TLS', () => {
    const redis = ['--redis', 'redis://127.0.0.1:6379', '--tls-cert', FIXTURE_CERT, '--tls-key', FIXTURE_KEY];
    expect(refusal(argv(...redis, '--public-url', 'http://10.0.0.5:8081'))).toBe(
      '--public-url must be https:// with --tls-cert: this process answers only TLS',
    );
    expect(parseConfig(argv(...redis, '--public-url', 'https://10.0.0.5:8081'), {}).publicUrl).toBe(
      'https://10.0.0.5:8081',
    );
  });

  it('takes an http redirect port only with TLS, and not the TLS port itself', () => {
    const pair = ['--tls-cert', FIXTURE_CERT, '--tls-key', FIXTURE_KEY];
    expect(parseConfig(argv(...pair, '--http-redirect-port', '80'), {}).httpRedirectPort).toBe(80);
    expect(parseConfig(argv(...pair), { HTTP_REDIRECT_PORT: '8081' }).httpRedirectPort).toBe(8081);
    expect(parseConfig(argv(...pair), {}).httpRedirectPort).toBeNull();
    expect(refusal(argv('--http-redirect-port', '80'))).toBe(
      '--http-redirect-port needs --tls-cert and --tls-key: it redirects to https',
    );
    expect(refusal(argv(...pair, '--port', '8443', '--http-redirect-port', '8443'))).toBe(
      '--http-redirect-port must differ from --port (8443)',
    );
    expect(refusal(argv(...pair, '--http-redirect-port', 'eighty'))).toMatch(/--http-redirect-port/);
  });

  it('refuses half a pair', () => {
    expect(refusal(argv('--tls-cert', FIXTURE_CERT))).toBe(
      '--tls-cert/TLS_CERT_FILE and --tls-key/TLS_KEY_FILE go together: give both or neither',
    );
    expect(refusal(argv(), { TLS_KEY_FILE: FIXTURE_KEY })).toMatch(/go together/);
  });

  it('names the file that cannot be read or is not what it should be', () => {
    const missing = tlsFixture('missing.crt');
    expect(refusal(argv('--tls-cert', missing, '--tls-key', FIXTURE_KEY))).toBe(
      `--tls-cert: cannot read "${missing}" (ENOENT)`,
    );
    expect(refusal(argv('--tls-cert', FIXTURE_KEY, '--tls-key', FIXTURE_KEY))).toBe(
      `--tls-cert: "${FIXTURE_KEY}" is not a PEM certificate`,
    );
    expect(refusal(argv('--tls-cert', FIXTURE_CERT, '--tls-key', FIXTURE_CERT))).toBe(
      `--tls-key: "${FIXTURE_CERT}" is not a PEM private key`,
    );
  });

  it('refuses a key that is not the certificate’s, and an encrypted key', () => {
    const other = tlsFixture('other.key');
    expect(refusal(argv('--tls-cert', FIXTURE_CERT, '--tls-key', other))).toBe(
      `--tls-key: "${other}" is not the key of --tls-cert "${FIXTURE_CERT}"`,
    );
    const encrypted = join(mkdtempSync(join(tmpdir(), 'tickfire-tls-')), 'encrypted.key');
    const pem = createPrivateKey(readFileSync(FIXTURE_KEY)).export({
      format: 'pem',
      type: 'pkcs8',
      cipher: 'aes-256-cbc',
      passphrase: 'secret',
    });
    writeFileSync(encrypted, pem);
    expect(refusal(argv('--tls-cert', FIXTURE_CERT, '--tls-key', encrypted))).toBe(
      `--tls-key: "${encrypted}" is encrypted; give the key without a passphrase`,
    );
  });

  it('refuses a certificate outside its validity', () => {
    const expired = tlsFixture('expired.crt');
    expect(refusal(argv('--tls-cert', expired, '--tls-key', FIXTURE_KEY))).toBe(
      `--tls-cert: "${expired}" expired on 2020-01-02T00:00:00.000Z`,
    );
    const pick = (flag: string) => ({ tlsCert: FIXTURE_CERT, tlsKey: FIXTURE_KEY })[flag];
    const fail = (message: string): never => {
      throw new ConfigError(message);
    };
    expect(() => parseTls(pick, fail, Date.parse('2019-06-01'))).toThrow(
      `--tls-cert: "${FIXTURE_CERT}" is not valid before 2020-01-01T00:00:00.000Z`,
    );
  });
});
