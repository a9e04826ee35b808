/** How a cluster directory is set up: the options, their defaults, and their checks. */
import { randomBytes } from 'node:crypto';
import { type ClusterKeys, clusterKeys, NODE_ID_PATTERN } from './cluster-keys.js';
import type { LocalRoom } from './cluster-types.js';

/** Where the directory logs (pino's Logger fits). */
export interface ClusterLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** How a directory is set up. */
export interface ClusterOptions {
  /** redis://[user:pass@]host:port[/db] */
  readonly redisUrl: string;
  /** Base URL clients reach this process at, e.g. https://play.example.com/n1 or http://10.0.0.5:8081. */
  readonly publicUrl: string;
  /** Unique id of this process. @default a random 12-hex-digit id */
  readonly nodeId?: string;
  /** Prefix of every key and channel. @default 'tickfire:' */
  readonly keyPrefix?: string;
  /** Heartbeat period (ms). @default 1000 */
  readonly heartbeatMs?: number;
  /** Node and room keys live this long without a heartbeat (ms). @default 5000 */
  readonly expiryMs?: number;
  /** A reserved seat waits this long for its client (ms). @default 15000 */
  readonly seatTtlMs?: number;
  /** Cross-node create-room answer timeout (ms). @default 3000 */
  readonly requestTimeoutMs?: number;
  /** Read at each heartbeat: this node's rooms (else use registerRoom/unregisterRoom). */
  readonly localRooms?: () => Iterable<LocalRoom>;
  /** @default console-based */
  readonly log?: ClusterLog;
}

/** The options with every default filled in and the key names derived. */
export interface ResolvedClusterOptions {
  readonly redisUrl: string;
  readonly publicUrl: string;
  readonly nodeId: string;
  readonly keys: ClusterKeys;
  readonly heartbeatMs: number;
  readonly expiryMs: number;
  readonly seatTtlMs: number;
  readonly requestTimeoutMs: number;
  readonly localRooms: (() => Iterable<LocalRoom>) | undefined;
  readonly log: ClusterLog;
}

const consoleLog: ClusterLog = {
  info: (obj, msg) => console.info(msg, obj),
  warn: (obj, msg) => console.warn(msg, obj),
  error: (obj, msg) => console.error(msg, obj),
};

/** Fills in the defaults; throws on a bad node id, key prefix or heartbeat/expiry pair. */
export function resolveClusterOptions(opts: ClusterOptions): ResolvedClusterOptions {
  const nodeId = opts.nodeId ?? randomBytes(6).toString('hex');
  if (!NODE_ID_PATTERN.test(nodeId)) throw new Error(`cluster: bad node id "${nodeId.slice(0, 80)}"`);
  const keys = clusterKeys(opts.keyPrefix ?? 'tickfire:');
  const heartbeatMs = opts.heartbeatMs ?? 1000;
  const expiryMs = opts.expiryMs ?? 5000;
  if (heartbeatMs <= 0 || expiryMs <= heartbeatMs)
    throw new Error('cluster: expiryMs must be larger than heartbeatMs (a few heartbeats, e.g. 5 x)');
  return {
    redisUrl: opts.redisUrl,
    publicUrl: opts.publicUrl,
    nodeId,
    keys,
    heartbeatMs,
    expiryMs,
    seatTtlMs: opts.seatTtlMs ?? 15_000,
    requestTimeoutMs: opts.requestTimeoutMs ?? 3000,
    localRooms: opts.localRooms,
    log: opts.log ?? consoleLog,
  };
}
