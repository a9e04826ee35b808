/** The hosting part of the configuration: Redis mode, public URL, node id, admin token, drain and resume timings. */
import { NODE_ID_PATTERN } from './cluster/cluster-keys.js';
import { MIN_ADMIN_TOKEN_LENGTH } from './net/admin-routes.js';

/** Hosting settings (see docs/HOSTING.md); all null/defaults means the embedded single-process mode. */
export interface HostingConfig {
  /** redis:// or rediss:// URL; set turns cluster mode on. Never log it raw (redactUrl). @default null */
  readonly redisUrl: string | null;
  /** Base URL clients reach this process at, no trailing slash; required with redisUrl. @default null */
  readonly publicUrl: string | null;
  /** Unique id of this process in the cluster. @default null (random) */
  readonly nodeId: string | null;
  /** Bearer token of /admin/*; null turns the admin API off. Never logged. @default null */
  readonly adminToken: string | null;
  /** Seconds a dropped player's seat is kept for a resume; 0 turns resuming off. @default 20 */
  readonly resumeGraceS: number;
  /** Longest SIGTERM drain in seconds before remaining sockets are closed. @default 30 */
  readonly drainTimeoutS: number;
  /** Cluster heartbeat period in seconds. @default 1 */
  readonly heartbeatS: number;
  /** Seconds a node's and its rooms' entries live without a heartbeat. @default 5 */
  readonly nodeExpiryS: number;
}

/** Defaults of the hosting settings. */
export const HOSTING_DEFAULTS: HostingConfig = Object.freeze({
  redisUrl: null,
  publicUrl: null,
  nodeId: null,
  adminToken: null,
  resumeGraceS: 20,
  drainTimeoutS: 30,
  heartbeatS: 1,
  nodeExpiryS: 5,
});

/** A bad hosting value: the message names the flag. */
export type HostingFail = (message: string) => never;

/** Reads one raw value (flag first, then env). */
export type RawPick = (flag: string, envKey: string) => string | undefined;

/** `raw` as a number of seconds in [min, max]; `fail`s naming `label` otherwise. */
export function secondsIn(fail: HostingFail, label: string, raw: string, min: number, max: number): number {
  const n = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(n) || n < min || n > max)
    fail(`${label} must be a number of seconds between ${min} and ${max}, got "${raw}"`);
  return n;
}

/** `raw` as a URL, or null if it is not one. */
function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** Validates the hosting flags; `fail` throws the caller's ConfigError. */
export function parseHosting(pick: RawPick, fail: HostingFail): HostingConfig {
  const d = HOSTING_DEFAULTS;
  const redisRaw = pick('redis', 'REDIS_URL');
  let redisUrl: string | null = null;
  if (redisRaw !== undefined && redisRaw.trim() !== '') {
    const u = parseUrl(redisRaw.trim());
    if (!u || (u.protocol !== 'redis:' && u.protocol !== 'rediss:'))
      fail('--redis/REDIS_URL must be a redis:// or rediss:// URL');
    redisUrl = redisRaw.trim();
  }
  const publicRaw = pick('publicUrl', 'PUBLIC_URL');
  let publicUrl: string | null = null;
  if (publicRaw !== undefined && publicRaw.trim() !== '') {
    const u = parseUrl(publicRaw.trim());
    if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:') || u.search !== '' || u.hash !== '')
      fail(`--public-url/PUBLIC_URL must be an http(s) URL without query or hash, got "${publicRaw}"`);
    publicUrl = publicRaw.trim().replace(/\/+$/, '');
  }
  if (redisUrl !== null && publicUrl === null)
    fail('--redis/REDIS_URL needs --public-url/PUBLIC_URL: how clients reach this process');
  const nodeId = pick('nodeId', 'NODE_ID') ?? null;
  if (nodeId !== null && !NODE_ID_PATTERN.test(nodeId))
    fail('--node-id/NODE_ID must be 1..64 of A-Z a-z 0-9 _ . -');
  const tokenRaw = pick('adminToken', 'ADMIN_TOKEN');
  const adminToken = tokenRaw === undefined || tokenRaw === '' ? null : tokenRaw;
  if (adminToken !== null && adminToken.length < MIN_ADMIN_TOKEN_LENGTH)
    fail(`--admin-token/ADMIN_TOKEN must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters`);
  const num = (flag: string, env: string, label: string, def: number, min: number, max: number) => {
    const raw = pick(flag, env);
    return raw === undefined ? def : secondsIn(fail, label, raw, min, max);
  };
  const heartbeatS = num('heartbeat', 'HEARTBEAT_S', '--heartbeat/HEARTBEAT_S', d.heartbeatS, 0.05, 60);
  const nodeExpiryS = num(
    'nodeExpiry',
    'NODE_EXPIRY_S',
    '--node-expiry/NODE_EXPIRY_S',
    d.nodeExpiryS,
    0.2,
    600,
  );
  if (nodeExpiryS <= heartbeatS * 2) fail('--node-expiry must be more than twice --heartbeat');
  return {
    redisUrl,
    publicUrl,
    nodeId,
    adminToken,
    resumeGraceS: num(
      'resumeGrace',
      'RESUME_GRACE_S',
      '--resume-grace/RESUME_GRACE_S',
      d.resumeGraceS,
      0,
      300,
    ),
    drainTimeoutS: num(
      'drainTimeout',
      'DRAIN_TIMEOUT_S',
      '--drain-timeout/DRAIN_TIMEOUT_S',
      d.drainTimeoutS,
      0,
      3600,
    ),
    heartbeatS,
    nodeExpiryS,
  };
}
