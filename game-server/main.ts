/** Entry point: parse config, check the native uWS addon, start the server, shut down cleanly on signals. */
import { ConfigError, parseConfig } from './config.js';
import { createLogger } from './logger.js';
import { assertNativeUws, uwsIsNative } from './native.js';
import { startServer } from './net/server.js';

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function main(): Promise<void> {
  let config: ReturnType<typeof parseConfig>;
  try {
    config = parseConfig(process.argv, process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      if (err.exitCode === 0) process.exit(0);
      fail(`tickfire: ${err.message} (see --help)`, err.exitCode);
    }
    throw err;
  }
  try {
    assertNativeUws();
    if (!uwsIsNative()) throw new Error('uWebSockets.js native binary not loaded');
  } catch (err) {
    fail(`tickfire: ${err instanceof Error ? err.message : String(err)}`, 1);
  }

  const log = createLogger(config);
  const server = await startServer(config, log);
  const shownHost = config.host === '0.0.0.0' ? 'localhost' : config.host;
  log.info({ url: `http://${shownHost}:${server.port}/`, tickRate: config.tickRate }, 'listening');

  const shutdown = (signal: string) => {
    log.info({ signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err: unknown) => fail(`tickfire: ${err instanceof Error ? err.message : String(err)}`, 1));
