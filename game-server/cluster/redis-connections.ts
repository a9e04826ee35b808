/**
 * The directory's two Redis connections (commands, and pub/sub), their health as logged transitions,
 * and a polite shutdown. Passwords never reach a message: see redactUrl.
 */
import { Redis } from 'ioredis';
import { errorText } from './cluster-error.js';
import type { ClusterLog } from './cluster-options.js';

/** A command connection and a subscriber connection to one Redis, created lazily (connect() opens them). */
export class RedisConnections {
  /** Commands, scripts and PUBLISH. */
  readonly cmd: Redis;
  /** SUBSCRIBE only. */
  readonly sub: Redis;
  private failing = false;

  constructor(
    url: string,
    nodeId: string,
    private readonly log: ClusterLog,
    private readonly isClosed: () => boolean,
  ) {
    const redisOpts = { lazyConnect: true, maxRetriesPerRequest: 1, connectionName: `tickfire-${nodeId}` };
    this.cmd = new Redis(url, redisOpts);
    this.sub = new Redis(url, redisOpts);
    for (const [client, role] of [
      [this.cmd, 'commands'],
      [this.sub, 'pub/sub'],
    ] as const) {
      client.on('error', (err: unknown) => this.down(role, err));
      client.on('ready', () => this.up(role));
    }
  }

  /** True while a connection is failing (between an error and the next ready). */
  get isFailing(): boolean {
    return this.failing;
  }

  /** Opens both connections; rejects if Redis is unreachable. */
  async connect(): Promise<void> {
    await Promise.all([this.cmd.connect(), this.sub.connect()]);
  }

  /** Drops both connections at once. */
  disconnect(): void {
    this.cmd.disconnect();
    this.sub.disconnect();
  }

  /** QUITs both connections (or drops them when not ready). */
  async quit(): Promise<void> {
    await Promise.all([quit(this.cmd), quit(this.sub)]);
  }

  private down(role: string, err: unknown): void {
    if (this.failing || this.isClosed()) return;
    this.failing = true;
    this.log.error({ role, err: errorText(err) }, 'cluster: Redis connection error (retrying)');
  }

  private up(role: string): void {
    if (!this.failing) return;
    this.failing = false;
    this.log.info({ role }, 'cluster: Redis connection restored');
  }
}

async function quit(client: Redis): Promise<void> {
  if (client.status !== 'ready') {
    client.disconnect();
    return;
  }
  try {
    await client.quit();
  } catch {
    client.disconnect();
  }
}

/** A Redis URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable Redis URL)';
  }
}
