/** A throwaway redis-server on a free 127.0.0.1 port (no persistence), for tests that need a real Redis. */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { systemBinary } from './system-binary.js';

/** The redis-server binary (a loud skip locally, a failure under CI=true, when missing). */
export const REDIS_SERVER = systemBinary('redis-server', 'apt-get install -y redis-server');

/** A running redis-server. */
export interface TestRedis {
  readonly port: number;
  readonly url: string;
  /** Stops the server (by its PID) and waits for it to exit. */
  stop(): Promise<void>;
}

/** A port the kernel reports free right now. */
export async function freePort(): Promise<number> {
  const srv = createServer();
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  const address = srv.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  srv.close();
  await once(srv, 'close');
  return port;
}

/** Starts `binary` on a free port; resolves once it answers PING with PONG. */
export async function startRedis(binary: string): Promise<TestRedis> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    binary,
    [
      '--bind',
      '127.0.0.1',
      '--port',
      String(port),
      '--save',
      '',
      '--appendonly',
      'no',
      '--loglevel',
      'notice',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const exited = once(child, 'exit');
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) resolve();
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    exited.then(([code]) =>
      reject(new Error(`redis-server exited (${String(code)}): ${output.slice(-500)}`)),
    );
  });
  const url = `redis://127.0.0.1:${port}`;
  const probe = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    const pong = await probe.ping();
    if (pong !== 'PONG') throw new Error(`redis-server answered ${pong}`);
  } finally {
    probe.disconnect();
  }
  return {
    port,
    url,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      if (child.pid !== undefined) process.kill(child.pid, 'SIGTERM');
      await exited;
    },
  };
}
