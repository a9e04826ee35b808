/** Starts one bench server as a child process, waits for its ready line, and stops it by PID. */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { SystemName } from '../shared/bot-protocol.js';
import { READY_PREFIX, type ReadyInfo } from '../shared/control-server.js';

const READY_TIMEOUT_MS = 15_000;
const KILL_GRACE_MS = 2_000;

/** A running server process. */
export interface ServerProcess extends ReadyInfo {
  readonly child: ChildProcess;
  /** Last lines of stderr, for error reports. */
  stderrTail(): string;
}

/** Extra node flags for the server processes, e.g. `BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=bench/results/profiles"`. */
function serverNodeArgs(): string[] {
  return (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
}

/** Spawns `servers/<system>.js` (compiled sibling of this file) and resolves once it listens. */
export function startServerProcess(system: SystemName): Promise<ServerProcess> {
  const entry = fileURLToPath(new URL(`../servers/${system}.js`, import.meta.url));
  const child = spawn(process.execPath, [...serverNodeArgs(), entry], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const stderrTail = (): string => stderr.trim().split('\n').slice(-5).join(' | ');
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      stopServerProcess(child);
      reject(new Error(`${system} did not listen within ${READY_TIMEOUT_MS} ms: ${stderrTail()}`));
    }, READY_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${system} exited with ${code}: ${stderrTail()}`));
    });
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const line = out.split('\n').find((l) => l.startsWith(READY_PREFIX));
      if (!line) return;
      clearTimeout(timer);
      const info = JSON.parse(line.slice(READY_PREFIX.length)) as ReadyInfo;
      child.stdout?.removeAllListeners('data');
      child.stdout?.resume();
      resolve({ ...info, child, stderrTail });
    });
  });
}

/** Stops a child by its PID: SIGTERM, then SIGKILL after a grace period; resolves when it is gone. */
export function stopServerProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
