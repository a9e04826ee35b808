// `npm run cluster`: a local Redis-mode cluster for trying it out: one redis-server on a free port and
// NODES game server processes (default 3) on ports BASE_PORT.. (default 8081..), each announcing its own
// --public-url. Output is prefixed per process; Ctrl-C (or any process dying) stops everything.
// Options: --nodes N, --base-port P, --redis-server PATH, --admin-token T (passed to every node).
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const root = new URL('..', import.meta.url).pathname;
const argv = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const nodes = Number(flag('nodes', '3'));
const basePort = Number(flag('base-port', '8081'));
const redisBinary = flag('redis-server', 'redis-server');
const adminToken = flag('admin-token', process.env.ADMIN_TOKEN ?? '');
if (!Number.isInteger(nodes) || nodes < 1 || nodes > 16) fail('--nodes must be 1..16');
if (!Number.isInteger(basePort) || basePort < 1 || basePort + nodes > 65_535) fail('bad --base-port');

const serverMain = join(root, 'dist/node/game-server/main.js');
if (!existsSync(serverMain)) fail(`${serverMain} is missing: run npm run build first`);
if (spawnSync('sh', ['-c', `command -v "${redisBinary}"`]).status !== 0)
  fail(`${redisBinary} not found: apt-get install -y redis-server (or pass --redis-server PATH)`);

const COLORS = [36, 33, 35, 32, 34, 31];
const children = [];
let stopping = false;

function fail(message) {
  console.error(`cluster: ${message}`);
  process.exit(1);
}

/** Pipes a child's output line by line under a colored prefix. */
function prefixed(child, label, color) {
  const tag = process.stdout.isTTY ? `\x1b[${color}m${label}\x1b[0m` : label;
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream }).on('line', (line) => console.log(`${tag} ${line}`));
  }
}

function start(label, color, cmd, args) {
  const child = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  prefixed(child, label, color);
  children.push({ label, child });
  child.on('exit', (code, signal) => {
    console.log(`cluster: ${label} exited (${signal ?? code})`);
    if (!stopping) stop(1);
  });
  return child;
}

async function freePort() {
  const srv = createServer().listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const { port } = srv.address();
  srv.close();
  await once(srv, 'close');
  return port;
}

/** Resolves once redis answers PING with +PONG (retrying while it starts). */
async function waitForPong(port, deadlineMs = 10_000) {
  const until = Date.now() + deadlineMs;
  for (;;) {
    const ok = await new Promise((resolve) => {
      const s = createConnection({ host: '127.0.0.1', port });
      s.once('connect', () => s.write('PING\r\n'));
      s.once('data', (d) => {
        s.destroy();
        resolve(d.toString().startsWith('+PONG'));
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    if (Date.now() > until) throw new Error(`redis-server did not answer on port ${port}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function stop(exitCode = 0) {
  if (stopping) return;
  stopping = true;
  console.log('cluster: stopping');
  // Game servers first (SIGTERM drains them), Redis last.
  const alive = (c) => c.exitCode === null && c.signalCode === null;
  for (const { child } of children.slice(1)) if (alive(child)) child.kill('SIGTERM');
  await Promise.all(children.slice(1).map(({ child }) => (alive(child) ? once(child, 'exit') : null)));
  const redis = children[0]?.child;
  if (redis && alive(redis)) {
    redis.kill('SIGTERM');
    await once(redis, 'exit');
  }
  process.exit(exitCode);
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

const redisPort = await freePort();
start('redis ', COLORS[5], redisBinary, [
  '--bind',
  '127.0.0.1',
  '--port',
  String(redisPort),
  '--save',
  '',
  '--appendonly',
  'no',
]);
await waitForPong(redisPort).catch((err) => {
  console.error(`cluster: ${err.message}`);
  stop(1);
});
const redisUrl = `redis://127.0.0.1:${redisPort}`;
console.log(`cluster: redis at ${redisUrl}`);

// A page served by one process opens its socket on another (the seat's node): allow every node's origin.
const origins = Array.from({ length: nodes }, (_, i) => `http://localhost:${basePort + i}`).join(',');
for (let i = 0; i < nodes; i++) {
  const port = basePort + i;
  const args = [
    serverMain,
    '--port',
    String(port),
    '--redis',
    redisUrl,
    '--public-url',
    `http://localhost:${port}`,
    '--node-id',
    `node${i + 1}`,
    '--allowed-origins',
    origins,
  ];
  if (adminToken) args.push('--admin-token', adminToken);
  start(`node${i + 1} `, COLORS[i % 5], process.execPath, args);
  console.log(`cluster: node${i + 1} at http://localhost:${port}/`);
}
console.log('cluster: open any of the addresses above; Ctrl-C stops everything');
