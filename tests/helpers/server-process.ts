/** Real server processes (`node dist/node/game-server/main.js`) for multi-process tests, killed after each file. */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const root = join(import.meta.dirname, '..', '..');
/** The built server entry point. */
export const SERVER_MAIN = join(root, 'dist', 'node', 'game-server', 'main.js');

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(join(root, dir), { withFileTypes: true, recursive: true }))
    if (e.isFile() && e.name.endsWith('.ts')) t = Math.max(t, statSync(join(e.parentPath, e.name)).mtimeMs);
  return t;
}

/** Compiles the server (tsc) when dist is missing or older than game-server/ or protocol/. */
export function buildServerIfStale(): void {
  const built = existsSync(SERVER_MAIN) ? statSync(SERVER_MAIN).mtimeMs : 0;
  if (built >= Math.max(newest('game-server'), newest('protocol'))) return;
  // tsc emits even with type errors elsewhere; a missing entry point is the real failure.
  spawnSync(
    process.execPath,
    [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.server.json'],
    {
      cwd: root,
      stdio: 'ignore',
    },
  );
  if (!existsSync(SERVER_MAIN)) throw new Error('server build failed: run npm run build:server');
}

/** A running server process. */
export interface ServerProcess {
  readonly port: number;
  readonly url: string;
  readonly child: ChildProcess;
  /** Every stdout/stderr line so far. */
  readonly lines: string[];
  /** Resolves with the exit code (null if killed by a signal) and signal. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves once a line matching `pattern` is (or was) printed. */
  waitForLine(pattern: RegExp): Promise<string>;
}

/** Spawns the server on `port` with `args`; resolves once it logs "listening". */
export async function startServerProcess(port: number, args: readonly string[]): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [SERVER_MAIN, '--port', String(port), '--host', '127.0.0.1', '--log-level', 'info', ...args],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const lines: string[] = [];
  const waiters = new Set<{ pattern: RegExp; resolve: (line: string) => void }>();
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream }).on('line', (line) => {
      lines.push(line);
      for (const w of [...waiters])
        if (w.pattern.test(line)) {
          waiters.delete(w);
          w.resolve(line);
        }
    });
  }
  const exited = once(child, 'exit').then(([code, signal]) => ({
    code: code as number | null,
    signal: signal as NodeJS.Signals | null,
  }));
  const waitForLine = (pattern: RegExp) => {
    const seen = lines.find((l) => pattern.test(l));
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise<string>((resolve) => waiters.add({ pattern, resolve }));
  };
  const early = exited.then(({ code }) => {
    throw new Error(`server on port ${port} exited (${code}) before listening:\n${lines.join('\n')}`);
  });
  early.catch(() => {});
  await Promise.race([waitForLine(/"msg":"listening"/), early]);
  return { port, url: `http://127.0.0.1:${port}`, child, lines, exited, waitForLine };
}

/** Kills `p` with `signal` (by its PID) unless it already exited, and waits for the exit. */
export async function stopServerProcess(p: ServerProcess, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  if (p.child.pid !== undefined) process.kill(p.child.pid, signal);
  await p.exited;
}

/** Flags of a cluster node for tests: Redis, its own public URL and id, short heartbeat and expiry. */
export function clusterNodeArgs(o: {
  readonly redisUrl: string;
  readonly port: number;
  readonly id: string;
  readonly heartbeatS: number;
  readonly expiryS: number;
}): string[] {
  return [
    '--redis',
    o.redisUrl,
    '--public-url',
    `http://127.0.0.1:${o.port}`,
    '--node-id',
    o.id,
    '--heartbeat',
    String(o.heartbeatS),
    '--node-expiry',
    String(o.expiryS),
  ];
}

/** Heartbeat and node expiry (seconds) of cluster nodes started by the process tests. */
export const PROCESS_HEARTBEAT_S = 0.2;
export const PROCESS_EXPIRY_S = 1.5;

/** Starts a cluster node process on `port` with id `id`, test timings and `extra` flags. */
export function startClusterNode(
  redisUrl: string,
  port: number,
  id: string,
  extra: readonly string[] = [],
): Promise<ServerProcess> {
  return startServerProcess(port, [
    ...clusterNodeArgs({ redisUrl, port, id, heartbeatS: PROCESS_HEARTBEAT_S, expiryS: PROCESS_EXPIRY_S }),
    ...extra,
  ]);
}

/** Fetches `url` and returns the status with the parsed JSON body. */
export async function fetchJson(url: string, init?: RequestInit): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, init);
  return { status: res.status, body: await res.json() };
}

/** What one run of the server command printed and exited with (for runs that end by themselves). */
export interface CommandRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs `node dist/node/game-server/main.js ...args` to its exit (it must exit: a bad flag, --version);
 * one still running after `timeoutMs` is killed (code null).
 */
export async function runServerCommand(args: readonly string[], timeoutMs = 10_000): Promise<CommandRun> {
  const child = spawn(process.execPath, [SERVER_MAIN, ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => {
    stdout += c.toString();
  });
  child.stderr?.on('data', (c: Buffer) => {
    stderr += c.toString();
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(timer);
  return { code, stdout, stderr };
}
