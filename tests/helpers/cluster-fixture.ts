/** A real redis-server per test file and cluster directories ("nodes") on it, all closed after each test. */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll } from 'vitest';
import {
  ClusterDirectory,
  type ClusterLog,
  type ClusterOptions,
  type LocalRoom,
} from '../../game-server/cluster/index.js';
import { REDIS_SERVER, startRedis, type TestRedis } from './redis-server.js';

/** Short timings so expiry tests finish in about a second. */
export const TEST_HEARTBEAT_MS = 100;
export const TEST_EXPIRY_MS = 1000;

/** A ClusterLog that keeps its lines, so tests stay quiet and can wait for a line. */
export interface MemoryLog extends ClusterLog {
  readonly lines: string[];
  /** Resolves when a line matching `pattern` is (or was already) logged. */
  waitFor(pattern: RegExp): Promise<void>;
}

/** Collects what a directory logs. */
export function memoryLog(): MemoryLog {
  const lines: string[] = [];
  const waiters = new Set<{ pattern: RegExp; resolve: () => void }>();
  const add = (level: string) => (_obj: object, msg: string) => {
    const line = `${level}: ${msg}`;
    lines.push(line);
    for (const w of [...waiters]) {
      if (w.pattern.test(line)) {
        waiters.delete(w);
        w.resolve();
      }
    }
  };
  return {
    lines,
    info: add('info'),
    warn: add('warn'),
    error: add('error'),
    waitFor: (pattern) =>
      lines.some((l) => pattern.test(l))
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            waiters.add({ pattern, resolve });
          }),
  };
}

/** What a cluster test gets. */
export interface ClusterFixture {
  /** Why the suite is skipped (redis-server missing), or null. */
  readonly skipReason: string | null;
  /** The Redis URL (valid inside tests). */
  url(): string;
  /** A fresh key prefix: one per test keeps tests apart on the shared server. */
  prefix(): string;
  /** Starts a directory with test timings; closed (deregistered) after the test. */
  node(prefix: string, overrides?: Partial<ClusterOptions>): Promise<ClusterDirectory>;
  /** A plain client, closed after the test. */
  client(): Redis;
  /** Starts another redis-server just for this test (stopped after it). */
  extraRedis(): Promise<TestRedis>;
  /** Watches Redis expire `key` (keyspace notification); resolves once watching, before the expiry. */
  watchExpiry(key: string): Promise<{ readonly expired: Promise<void> }>;
}

/** Registers the hooks and returns the fixture. */
export function useCluster(): ClusterFixture {
  const bin = REDIS_SERVER;
  let redis: TestRedis | undefined;
  const nodes: ClusterDirectory[] = [];
  const clients: Redis[] = [];
  const extras: TestRedis[] = [];
  beforeAll(async () => {
    if (bin.path) redis = await startRedis(bin.path);
  });
  afterEach(async () => {
    await Promise.all(nodes.splice(0).map((n) => n.close()));
    for (const c of clients.splice(0)) c.disconnect();
    await Promise.all(extras.splice(0).map((r) => r.stop()));
  });
  afterAll(async () => {
    await redis?.stop();
  });
  const url = () => {
    if (!redis) throw new Error('redis-server is not running');
    return redis.url;
  };
  const client = () => {
    const c = new Redis(url(), { maxRetriesPerRequest: 1 });
    clients.push(c);
    return c;
  };
  return {
    skipReason: bin.skipReason,
    url,
    prefix: () => `tf-test-${randomBytes(4).toString('hex')}:`,
    async node(prefix, overrides = {}) {
      const n = await ClusterDirectory.start({
        redisUrl: url(),
        publicUrl: `http://127.0.0.1:${8000 + nodes.length}`,
        keyPrefix: prefix,
        heartbeatMs: TEST_HEARTBEAT_MS,
        expiryMs: TEST_EXPIRY_MS,
        log: memoryLog(),
        ...overrides,
      });
      nodes.push(n);
      return n;
    },
    client,
    async extraRedis() {
      if (!bin.path) throw new Error('redis-server is not installed');
      const r = await startRedis(bin.path);
      extras.push(r);
      return r;
    },
    async watchExpiry(key) {
      const admin = client();
      await admin.config('SET', 'notify-keyspace-events', 'Ex');
      const sub = client();
      const channel = '__keyevent@0__:expired';
      const hit = new Promise<void>((resolve) => {
        sub.on('message', (ch: string, k: string) => {
          if (ch === channel && k === key) resolve();
        });
      });
      await sub.subscribe(channel);
      return { expired: hit };
    },
  };
}

/** A local room as a node reports it, with test defaults. */
export const localRoom = (code: string, over: Partial<LocalRoom> = {}): LocalRoom => ({
  code,
  name: `Room ${code}`,
  players: 1,
  maxPlayers: 8,
  private: false,
  state: 'playing',
  ...over,
});
