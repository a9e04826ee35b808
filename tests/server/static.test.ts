import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useHarness } from '../helpers/test-server.js';

const h = useHarness();
let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tickfire-static-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Tickfire</title>');
  writeFileSync(join(dir, 'assets', 'main-abc123.js'), 'console.log(1);');
  writeFileSync(join(dir, 'assets', 'style-abc123.css'), 'body{}');
  writeFileSync(join(dir, 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(dir, 'robots.txt'), 'User-agent: *');
  writeFileSync(join(tmpdir(), 'tickfire-secret.txt'), 'secret');
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(join(tmpdir(), 'tickfire-secret.txt'), { force: true });
});

/** GET with the path sent byte for byte (fetch would normalise dot segments away). */
function rawGet(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static files', () => {
  it('serves index.html at / with no-cache and security headers', async () => {
    const server = await h.start({ staticDir: dir });
    const res = await fetch(h.url(server, '/'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('server')).toBeNull();
    expect(await res.text()).toContain('<title>Tickfire</title>');
  });

  it.each([
    ['/assets/main-abc123.js', 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable'],
    ['/assets/style-abc123.css', 'text/css; charset=utf-8', 'public, max-age=31536000, immutable'],
    ['/logo.svg', 'image/svg+xml', 'public, max-age=300'],
    ['/robots.txt', 'text/plain; charset=utf-8', 'public, max-age=300'],
  ])('serves %s as %s', async (path, type, cache) => {
    const server = await h.start({ staticDir: dir });
    const res = await fetch(h.url(server, path));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('cache-control')).toBe(cache);
  });

  it.each([
    '/../tickfire-secret.txt',
    '/%2e%2e/tickfire-secret.txt',
    '/assets/..%2f..%2ftickfire-secret.txt',
    '/assets/../../tickfire-secret.txt',
    '/nope.js',
  ])('answers 404 for %s', async (path) => {
    const server = await h.start({ staticDir: dir });
    const res = await rawGet(server.port, path);
    expect(res.status).toBe(404);
    expect(res.body).not.toContain('secret');
  });

  it('answers 503 at / when the client is not built', async () => {
    const server = await h.start({ staticDir: join(dir, 'missing') });
    const res = await fetch(h.url(server, '/'));
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('client not built: run npm run build');
  });
});
