/** Entry point: parse config, start the server (it checks the native uWS addon), shut down cleanly on signals. */
import { errorText } from './cluster/cluster-error.js';
import { ConfigError, parseConfig } from './config.js';
import { createLogger } from './logger.js';
import { startServer } from './net/server.js';
import { packageVersion } from './package-root.js';

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
  const log = createLogger(config);
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer(config, log);
  } catch (err) {
    // e.g. uWS not native, or Redis unreachable (the ClusterError names the redacted URL).
    fail(`tickfire: ${errorText(err)}`, 1);
  }
  const shownHost = config.host === '0.0.0.0' ? 'localhost' : config.host;
  const cluster = server.directory ? { node: server.directory.nodeId, publicUrl: config.publicUrl } : {};
  log.info(
    {
      url: `${config.tls ? 'https' : 'http'}://${shownHost}:${server.port}/`,
      version: packageVersion(),
      tickRate: config.tickRate,
      ...(config.tls ? { certificateValidTo: config.tls.validTo } : {}),
      ...(server.httpRedirectPort !== null ? { httpRedirectPort: server.httpRedirectPort } : {}),
      ...cluster,
    },
    'listening',
  );

  const exitAfter = (p: Promise<void>) =>
    p.then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  let stopping = false;
  // SIGTERM drains (rounds finish up to --drain-timeout); SIGINT, or a second signal, stops at once.
  const onSignal = (signal: string) => {
    if (stopping || signal === 'SIGINT') {
      log.info({ signal }, 'shutting down now');
      exitAfter(server.close());
      return;
    }
    stopping = true;
    log.info({ signal, drainTimeoutS: config.drainTimeoutS }, 'draining');
    exitAfter(server.drain(config.drainTimeoutS * 1000));
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));
}

main().catch((err: unknown) => fail(`tickfire: ${errorText(err)}`, 1));
