// `npm run soak -- --seconds 60`: the built server on 127.0.0.1 under honest bots and hostile clients
// (garbage, floods, slow readers, oversize frames, connection storms) for a bounded time. Reports honest
// players' State-frame gaps and server RSS over time; exits 1 if p99 gap > 2 ticks or RSS keeps growing.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { Packr } from 'msgpackr';
import WebSocket from 'ws';
import { run, stale } from './build-if-stale.mjs';

const root = new URL('..', import.meta.url).pathname;
const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    bots: { type: 'string', default: '16' },
    'per-room': { type: 'string', default: '8' },
  },
});
const seconds = Number(args.seconds);
if (!Number.isFinite(seconds) || seconds < 5 || seconds > 600) fail('--seconds must be between 5 and 600');
const botCount = Math.min(200, Math.max(2, Number(args.bots) || 16));
const perRoom = Math.min(16, Math.max(2, Number(args['per-room']) || 8));
const TICK_HZ = 30;
const TICK_MS = 1000 / TICK_HZ;
const WARMUP_MS = 2000;

const packr = new Packr({ useRecords: false, mapsAsObjects: true, moreTypes: false });
const encode = (v) => packr.pack(v);

function fail(msg) {
  console.error(`soak: ${msg}`);
  process.exit(2);
}

/** The built server, rebuilt first if stale (a failed build ends the soak). */
function buildServer() {
  const main = 'dist/node/game-server/main.js';
  if (stale(main, ['protocol', 'game-server'])) run('build:server');
  return join(root, main);
}

function startServer(main) {
  const flags = ['--host', '127.0.0.1', '--port', '0', '--log-level', 'info', '--trust-proxy'];
  const child = spawn(process.execPath, [main, ...flags], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let warnLines = 0;
  return new Promise((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (chunk) => {
      buf += chunk;
      let i = buf.indexOf('\n');
      while (i >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        i = buf.indexOf('\n');
        let rec;
        try {
          rec = JSON.parse(line);
        } catch {
          continue;
        }
        if (rec.level >= 40) warnLines += 1;
        if (rec.msg === 'listening')
          resolve({ child, port: Number(new URL(rec.url).port), logLines: () => warnLines });
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
  });
}

function rssMiB(pid) {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

const url = (port, query) => `ws://127.0.0.1:${port}/ws?${query}`;
const PROTOCOL_VERSION = await (async () => {
  const src = readFileSync(join(root, 'protocol/constants.ts'), 'utf8');
  return Number(/PROTOCOL_VERSION = (\d+)/.exec(src)?.[1] ?? 0);
})();
const q = (name, room) =>
  `v=${PROTOCOL_VERSION}&name=${encodeURIComponent(name)}&${room ? `room=${room}` : 'quick=1'}`;

function open(port, query, ip, onMessage) {
  const ws = new WebSocket(url(port, query), { headers: { 'X-Forwarded-For': ip } });
  ws.binaryType = 'nodebuffer';
  if (onMessage) ws.on('message', onMessage);
  const closed = new Promise((resolve) =>
    ws.once('close', (code, r) => resolve({ code, reason: String(r) })),
  );
  const opened = new Promise((resolve) => {
    ws.once('open', () => resolve(true));
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode);
      ws.terminate();
    });
    ws.once('error', () => resolve(false));
  });
  return { ws, opened, closed };
}

/** An honest bot: joins, sends one Input per tick and a Ping per second, records State arrival gaps. */
async function honestBot(port, i, room, gaps, stopAt) {
  let last = 0;
  let code = room;
  let bot;
  const welcome = new Promise((resolve) => {
    const onMessage = (data) => {
      // Every server frame is a msgpack array; its kind is the byte after a fixarray header.
      if (data[0] >= 0x90 && data[0] <= 0x9f && data[1] === 2) {
        const t = performance.now();
        if (last > 0 && t > warmupEnd) gaps.push(t - last);
        last = t;
      } else if (data[1] === 1 && !code) {
        code = packr.unpack(data)[3];
        resolve(code);
      }
    };
    bot = open(port, q(`bot${i}`, room), `10.1.${i >> 8}.${i & 255}`, onMessage);
  });
  if ((await bot.opened) !== true) throw new Error(`honest bot ${i} could not join`);
  if (!room) await welcome;
  let seq = 0;
  const input = setInterval(() => {
    seq += 1;
    if (bot.ws.readyState === WebSocket.OPEN)
      bot.ws.send(encode([1, seq, (seq >> 4) & 31, ((seq * 97) % 6284) - 3142, 0, 0]));
  }, TICK_MS);
  const ping = setInterval(
    () => bot.ws.readyState === WebSocket.OPEN && bot.ws.send(encode([3, Date.now()])),
    1000,
  );
  const done = new Promise((resolve) =>
    setTimeout(() => {
      clearInterval(input);
      clearInterval(ping);
      bot.ws.close();
      resolve();
    }, stopAt - performance.now()),
  );
  return { code, closed: bot.closed, done };
}

let warmupEnd = 0;
const tally = new Map();
const count = (key) => tally.set(key, (tally.get(key) ?? 0) + 1);

/** Hostile clients in a loop until `stopAt`, each kind with its own address. */
async function hostileLoop(port, kind, rooms, stopAt) {
  let n = 0;
  while (performance.now() < stopAt) {
    n += 1;
    const room = rooms[n % rooms.length];
    const ip = `203.0.113.${kind.length * 10 + (n % 5)}`;
    if (kind === 'storm') {
      const all = Array.from({ length: 200 }, (_, i) => open(port, q(`st${i}`, room), '198.51.100.66'));
      const got = await Promise.all(all.map((c) => c.opened));
      for (const c of all) c.ws.terminate();
      for (const g of got) count(`storm ${g === true ? 'accepted' : g}`);
      await new Promise((r) => setTimeout(r, 4000));
      continue;
    }
    const c = open(port, q(`${kind}${n}`, room), ip);
    const status = await c.opened;
    if (status !== true) {
      count(`${kind} refused ${status}`);
      await new Promise((r) => setTimeout(r, 200));
      continue;
    }
    if (kind === 'garbage') {
      const junk = Buffer.from(Array.from({ length: 1 + (n % 60) }, (_, i) => (n * 31 + i * 7) & 255));
      c.ws.send(n % 3 === 0 ? encode([9, 'x']) : n % 3 === 1 ? 'text frame' : junk);
    } else if (kind === 'flood') {
      for (let i = 1; i <= 400; i++) c.ws.send(encode([1, i, 1, 0, 0, 0]));
    } else if (kind === 'chatflood') {
      const t = setInterval(
        () => c.ws.readyState === WebSocket.OPEN && c.ws.send(encode([2, 'spam '.repeat(20)])),
        4,
      );
      c.closed.then(() => clearInterval(t));
    } else if (kind === 'oversize') {
      c.ws.send(Buffer.alloc(4096, 0x91));
    } else if (kind === 'slow') {
      c.ws._socket.pause();
      setTimeout(() => c.ws.terminate(), Math.max(0, Math.min(15_000, stopAt - performance.now())));
    }
    const closed = await c.closed;
    count(`${kind} closed ${closed.code}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const main = buildServer();
const server = await startServer(main);
for (const sig of ['SIGINT', 'SIGTERM'])
  process.once(sig, () => {
    server.child.kill('SIGTERM');
    process.exit(1);
  });
process.once('exit', () => server.child.kill('SIGTERM'));
const t0 = performance.now();
const stopAt = t0 + seconds * 1000;
warmupEnd = t0 + WARMUP_MS;
const rss = [];
const sampler = setInterval(
  () => rss.push({ s: (performance.now() - t0) / 1000, mib: rssMiB(server.child.pid) }),
  1000,
);
rss.push({ s: 0, mib: rssMiB(server.child.pid) });

const gaps = [];
const bots = [];
const rooms = [];
for (let i = 0; i < botCount; i++) {
  if (i % perRoom === 0) {
    const res = await fetch(`http://127.0.0.1:${server.port}/api/rooms`, {
      method: 'POST',
      headers: { 'X-Forwarded-For': '10.0.0.1' },
      body: JSON.stringify({ name: `soak ${rooms.length + 1}`, maxPlayers: 16 }),
    });
    if (res.status !== 201) fail(`cannot create a room: ${res.status}`);
    rooms.push((await res.json()).code);
  }
  bots.push(await honestBot(server.port, i, rooms.at(-1), gaps, stopAt));
}
const hostileKinds = ['garbage', 'flood', 'chatflood', 'oversize', 'slow', 'storm'];
await Promise.all([
  ...hostileKinds.map((k) => hostileLoop(server.port, k, rooms, stopAt)),
  ...bots.map((b) => b.done),
]);
clearInterval(sampler);
const health = await fetch(`http://127.0.0.1:${server.port}/healthz`).then((r) => r.json());
if (process.env.SOAK_DEBUG)
  console.log(await fetch(`http://127.0.0.1:${server.port}/api/rooms`).then((r) => r.text()));
const metrics = await fetch(`http://127.0.0.1:${server.port}/metrics`).then((r) => r.text());
server.child.kill('SIGTERM');

const sorted = [...gaps].sort((a, b) => a - b);
const pct = (p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0;
const p50 = pct(50);
const p99 = pct(99);
const max = sorted.at(-1) ?? 0;
const quarter = rss[Math.floor(rss.length / 4)]?.mib ?? 0;
const lastQuarter = rss.slice(Math.floor((rss.length * 3) / 4)).map((r) => r.mib);
const endRss = Math.max(...lastQuarter);
const rssOk = endRss <= quarter * 1.5 + 32;
const gapsOk = p99 <= 2 * TICK_MS && gaps.length > 0;

console.log(
  `soak: ${seconds} s, ${botCount} honest bots in ${rooms.length} rooms, hostile: ${hostileKinds.join(', ')}`,
);
console.log(
  `honest State gaps: n=${gaps.length} p50=${p50.toFixed(1)} ms p99=${p99.toFixed(1)} ms max=${max.toFixed(1)} ms (limit p99 <= ${(2 * TICK_MS).toFixed(1)})`,
);
const step = Math.max(1, Math.floor(rss.length / 12));
console.log(
  `server RSS MiB over time: ${rss
    .filter((_, i) => i % step === 0)
    .map((r) => `${r.s.toFixed(0)}s=${r.mib.toFixed(0)}`)
    .join(' ')}`,
);
console.log(
  `RSS at 25%: ${quarter.toFixed(0)} MiB, max of last 25%: ${endRss.toFixed(0)} MiB (limit ${(quarter * 1.5 + 32).toFixed(0)})`,
);
console.log(
  `hostile outcomes: ${[...tally]
    .sort()
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ')}`,
);
console.log(`server log lines at warn+: ${server.logLines()}; players at end: ${health.players}`);
console.log(
  metrics
    .split('\n')
    .filter((l) => l.startsWith('tickfire_refusals_total'))
    .join('\n'),
);
console.log(
  gapsOk && rssOk ? 'soak: PASS' : `soak: FAIL (${gapsOk ? '' : 'state gaps '}${rssOk ? '' : 'rss growth'})`,
);
process.exit(gapsOk && rssOk ? 0 : 1);
