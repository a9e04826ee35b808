// Builds the server and/or the client when their output is missing or older than their sources.
// A module only (start.mjs, test.mjs and soak.mjs import it): it does nothing when loaded.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** True if `output` (relative to the repo) is missing or older than a file under `sources`. */
export function stale(output, sources) {
  const out = join(root, output);
  if (!existsSync(out)) return true;
  const built = statSync(out).mtimeMs;
  return sources.some((dir) => newestMtime(dir) > built);
}

/** Runs `npm run -s script`; exits with its status if it fails. */
export function run(script) {
  const r = spawnSync('npm', ['run', '-s', script], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`tickfire: npm run ${script} failed`);
    process.exit(r.status ?? 1);
  }
}

/** Builds whatever is out of date. */
export function buildIfStale() {
  if (stale('dist/node/game-server/main.js', ['protocol', 'game-server'])) run('build:server');
  if (stale('dist/client/index.html', ['protocol', 'game-client'])) run('build:client');
}
