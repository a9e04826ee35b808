/** The built client, read into memory once at start-up and served with MIME types and cache headers. */

import type uWS from 'uWebSockets.js';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { replyText, statusLine } from './http-reply.js';

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** Content-Security-Policy of HTML pages (Phaser builds textures from blob:/data: URLs). */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data: blob:; " +
  "style-src 'self' 'unsafe-inline'; script-src 'self'; worker-src 'self' blob:; object-src 'none'; " +
  "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/** Headers of every HTML page besides the CSP: no framing, no referrer, no powerful features. */
export const HTML_SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  ['Content-Security-Policy', CONTENT_SECURITY_POLICY],
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'no-referrer'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
];

/** One servable file. */
interface StaticFile {
  readonly body: Buffer;
  readonly type: string;
  readonly cache: string;
  readonly html: boolean;
}

function cacheFor(urlPath: string): string {
  if (urlPath === '/index.html') return 'no-cache';
  if (urlPath.startsWith('/assets/')) return 'public, max-age=31536000, immutable';
  return 'public, max-age=300';
}

function walk(dir: string, out: string[]): void {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    // Symlinks are skipped: nothing outside the directory can be reached through one.
    if (e.isDirectory()) walk(join(dir, e.name), out);
    else if (e.isFile()) out.push(join(dir, e.name));
  }
}

/** Reads every regular file under `dir` (missing dir: none), keyed by URL path. */
export function loadStaticFiles(dir: string): ReadonlyMap<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  if (!existsSync(dir)) return files;
  const paths: string[] = [];
  walk(dir, paths);
  for (const path of paths) {
    const urlPath = `/${relative(dir, path).split(sep).join('/')}`;
    const ext = extname(path).toLowerCase();
    files.set(urlPath, {
      body: readFileSync(path),
      type: MIME[ext] ?? 'application/octet-stream',
      cache: cacheFor(urlPath),
      html: ext === '.html',
    });
  }
  return files;
}

/** Registers GET /* over the loaded files. Only exact keys of the map are served, so traversal cannot escape. */
export function registerStatic(app: uWS.TemplatedApp, files: ReadonlyMap<string, StaticFile>): void {
  app.get('/*', (res, req) => {
    let path: string;
    try {
      path = decodeURIComponent(req.getUrl());
    } catch {
      path = '';
    }
    if (path === '/') path = '/index.html';
    const file = files.get(path);
    if (!file) {
      if (path === '/index.html') replyText(res, 503, 'client not built: run npm run build');
      else replyText(res, 404, 'not found');
      return;
    }
    res.writeStatus(statusLine(200));
    res.writeHeader('Content-Type', file.type);
    res.writeHeader('Cache-Control', file.cache);
    res.writeHeader('X-Content-Type-Options', 'nosniff');
    if (file.html) for (const [name, value] of HTML_SECURITY_HEADERS) res.writeHeader(name, value);
    res.end(file.body);
  });
}
