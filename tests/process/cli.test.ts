/** The server command's own answers: --version, and a bad flag's exit status and one line. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildServerIfStale, runServerCommand } from '../helpers/server-process.js';

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

  it('exits 2 with one line naming a bad flag, and starts nothing', async () => {
    expect(await runServerCommand(['--port', 'abc'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'tickfire: --port/PORT must be an integer, got "abc" (see --help)\n',
    });
  });
});
