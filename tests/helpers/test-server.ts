/** Starting real servers (127.0.0.1, port 0, silent) and connecting clients, all closed after each test. */
import { afterEach } from 'vitest';
import { HOSTING_DEFAULTS } from '../../game-server/cluster-config.js';
import {
  type Config,
  DEFAULT_IO_BATCH_MS,
  DEFAULT_TICK_PHASES,
  SECURITY_DEFAULTS,
} from '../../game-server/config.js';
import { createLogger } from '../../game-server/logger.js';
import { type RunningServer, type ServerDeps, startServer } from '../../game-server/net/server.js';
import { connectClient, type JoinSpec, type TestClient } from './ws-client.js';

/** A config for tests: local, ephemeral port, silent, no static files unless given. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return Object.freeze({
    port: 0,
    host: '127.0.0.1',
    tickRate: 30,
    snapshotRate: 30,
    tickPhases: DEFAULT_TICK_PHASES,
    ioBatchMs: DEFAULT_IO_BATCH_MS,
    maxRooms: 50,
    maxPlayers: 16,
    emptyRoomTtlS: 30,
    logLevel: 'silent',
    staticDir: '/nonexistent-tickfire-static',
    tls: null,
    httpRedirectPort: null,
    ...SECURITY_DEFAULTS,
    ...HOSTING_DEFAULTS,
    ...overrides,
  });
}

/** Test fixture: start servers and clients that are all closed in afterEach. */
export interface Harness {
  start(overrides?: Partial<Config>, deps?: ServerDeps): Promise<RunningServer>;
  connect(
    server: RunningServer,
    spec: JoinSpec,
    headers?: Readonly<Record<string, string>>,
  ): Promise<TestClient>;
  /** Base URL of a server for fetch. */
  url(server: RunningServer, path: string): string;
}

/** Registers an afterEach that closes everything the returned harness started. */
export function useHarness(): Harness {
  const servers: RunningServer[] = [];
  const clients: TestClient[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.ws.terminate();
    await Promise.all(servers.splice(0).map((s) => s.close()));
  });
  return {
    async start(overrides, deps) {
      const config = testConfig(overrides);
      // Quick play without bots unless a test asks: most tests count the players they connect.
      const server = await startServer(config, createLogger(config), { quickPlayBots: 0, ...deps });
      servers.push(server);
      return server;
    },
    async connect(server, spec, headers) {
      const client = await connectClient(server.port, spec, headers);
      clients.push(client);
      return client;
    },
    url: (server, path) => `${server.tls ? 'https' : 'http'}://127.0.0.1:${server.port}${path}`,
  };
}
