/** The server command's own answers: --version, and a bad flag's exit status and one line. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/redis-server.js';
import {
  buildServerIfStale,
  runServerCommand,
  startServerProcess,
  stopServerProcess,
} from '../helpers/server-process.js';

const version = (
  JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as {
    version: string;
  }
).version;

describe('the server command', () => {
  beforeAll(() => buildServerIfStale(), 120_000);

  it('prints its version with --version and exits 0', async () => {
    expect(await runServerCommand(['--version'])).toEqual({
      code: 0,
      stdout: `tickfire ${version}\n`,
      stderr: '',
    });
  });

  it('refuses a port another server already listens on (exit 1, one line) instead of sharing it', async () => {
    const port = await freePort();
    const first = await startServerProcess(port, []);
    try {
      const second = await runServerCommand([
        '--port',
        String(port),
        '--host',
        '127.0.0.1',
        '--log-level',
        'warn',
      ]);
      expect(second).toEqual({
        code: 1,
        stdout: '',
        stderr: `tickfire: cannot listen on 127.0.0.1:${port}: the port is in use or the address is not this machine's\n`,
      });
      // The first one still serves.
      expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
    } finally {
      await stopServerProcess(first);
    }
  });

  it('exits 2 with one line naming a bad flag, and starts nothing', async () => {
    expect(await runServerCommand(['--port', 'abc'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'tickfire: --port/PORT must be an integer, got "abc" (see --help)\n',
    });
  });
});
