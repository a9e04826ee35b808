/** Server configuration: CLI flags and environment parsed once into a frozen, validated Config. */
import { isAbsolute, join, resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import {
  DEFAULT_MAX_PLAYERS_PER_ROOM,
  DEFAULT_TICK_HZ,
  MAX_PLAYERS_PER_ROOM_LIMIT,
} from '../protocol/index.js';
import { type HostingConfig, parseHosting, secondsIn } from './cluster-config.js';
import { findPackageRoot, packageVersion } from './package-root.js';
import { parseTls, type TlsFiles } from './tls-config.js';

/**
 * Tick phases by default: one pass over all rooms per tick. More phases shorten each pass and the
 * wait of a room's States behind the other rooms', at a CPU cost (README, Performance).
 */
export const DEFAULT_TICK_PHASES = 1;
/** Most tick phases (a pass at least every ~1 ms at 30 Hz). */
export const MAX_TICK_PHASES = 32;

/** Input batching slice by default (ms): what a ping may wait on top of the network. */
export const DEFAULT_IO_BATCH_MS = 2;
/** Longest input batching slice (ms). */
export const MAX_IO_BATCH_MS = 10;

/** Log levels accepted by --log-level (pino's, plus silent). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The validated server configuration (hosting fields: see HostingConfig). */
export interface Config extends HostingConfig {
  /** TCP port; 0 picks a free one. @default 8080 */
  readonly port: number;
  /** Interface to listen on. @default '0.0.0.0' */
  readonly host: string;
  /** Simulation rate in Hz, 1..120. @default 30 */
  readonly tickRate: number;
  /** State frames per second, 1..tickRate. @default tickRate */
  readonly snapshotRate: number;
  /**
   * Groups the rooms are spread over within a tick period, 1..MAX_TICK_PHASES: each group ticks in
   * its own turn of the event loop, so inputs are read and states sent between groups.
   * @default DEFAULT_TICK_PHASES
   */
  readonly tickPhases: number;
  /**
   * Longest sleep (ms) between tick passes while many sockets are open, so frames are read in
   * batches (see game-server/net/io-batching.ts); 0 turns batching off. @default DEFAULT_IO_BATCH_MS
   */
  readonly ioBatchMs: number;
  /** Most rooms alive at once. @default 500 */
  readonly maxRooms: number;
  /** Default player limit of a room, 2..MAX_PLAYERS_PER_ROOM_LIMIT. @default 16 */
  readonly maxPlayers: number;
  /** Seconds an empty room lives before it is disposed. @default 30 */
  readonly emptyRoomTtlS: number;
  /** @default 'info' */
  readonly logLevel: LogLevel;
  /** Directory of the built client. @default '<package root>/dist/client' */
  readonly staticDir: string;
  /** Origins allowed to open the WebSocket and POST /api/rooms; empty means same-origin, ['*'] any. @default [] */
  readonly allowedOrigins: readonly string[];
  /** Take the client address from the last X-Forwarded-For entry (only behind a proxy you run). @default false */
  readonly trustProxy: boolean;
  /** Most open WebSockets per client address; 0 for no limit. @default 32 */
  readonly maxConnsPerIp: number;
  /** Join attempts (upgrades, GET /api/join, POST /api/rooms) one address may make at once. @default 30 */
  readonly joinBurst: number;
  /** Join attempts per second one address regains; 0 for no limit. @default 2 */
  readonly joinRatePerS: number;
  /** WebSocket handshakes per second the whole server accepts (burst of the same size). @default 200 */
  readonly handshakesPerS: number;
  /** Dropped seats one address may have held for a resume at once; past it a drop frees the seat. 0 for no limit. @default 4 */
  readonly maxHeldSeatsPerIp: number;
  /** A socket with more than this many bytes buffered is slow... @default 65536 */
  readonly slowConsumerBytes: number;
  /** ... and is closed with 4008 once it stayed slow this long (ms). @default 5000 */
  readonly slowConsumerMs: number;
  /** Certificate and key to serve https and wss with; null serves plain http and ws. @default null */
  readonly tls: TlsFiles | null;
  /** With tls: a plain-http port that redirects every request to https (e.g. 80); null for none. @default null */
  readonly httpRedirectPort: number | null;
}

/** Defaults of the security limits (see README "Security model"). */
export const SECURITY_DEFAULTS = Object.freeze({
  allowedOrigins: Object.freeze([]) as readonly string[],
  trustProxy: false,
  maxConnsPerIp: 32,
  joinBurst: 30,
  joinRatePerS: 2,
  handshakesPerS: 200,
  maxHeldSeatsPerIp: 4,
  slowConsumerBytes: 64 * 1024,
  slowConsumerMs: 5000,
});

/** A bad flag or environment value, or a request for help/version; `exitCode` is what main exits with. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    message: string,
    readonly exitCode: number = 2,
  ) {
    super(message);
  }
}

type Env = Readonly<Record<string, string | undefined>>;

function integer(label: string, raw: string, min: number, max: number): number {
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(`${label} must be an integer, got "${raw}"`);
  const n = Number(raw.trim());
  if (n < min || n > max) throw new ConfigError(`${label} must be between ${min} and ${max}, got ${n}`);
  return n;
}

function configFail(message: string): never {
  throw new ConfigError(message);
}

function seconds(label: string, raw: string): number {
  return secondsIn(configFail, label, raw, 0, 86_400);
}

function buildProgram(): Command {
  return new Command('tickfire-server')
    .description('Tickfire authoritative game server')
    .version(`tickfire ${packageVersion()}`, '--version', 'print the version and exit')
    .option('--port <n>', 'TCP port, 0 for any free one (env PORT, default 8080)')
    .option('--host <addr>', 'interface to listen on (env HOST, default 0.0.0.0)')
    .option(
      '--tick-rate <hz>',
      `simulation ticks per second, 1..120 (env TICK_RATE, default ${DEFAULT_TICK_HZ})`,
    )
    .option('--snapshot-rate <hz>', 'state frames per second, <= tick rate (env SNAPSHOT_RATE)')
    .option(
      '--tick-phases <n>',
      `room groups ticked in turn each tick, 1..${MAX_TICK_PHASES} (env TICK_PHASES, default ${DEFAULT_TICK_PHASES})`,
    )
    .option(
      '--io-batch-ms <ms>',
      `longest sleep between ticks to read frames in batches, 0..${MAX_IO_BATCH_MS}, 0 = off (env IO_BATCH_MS, default ${DEFAULT_IO_BATCH_MS})`,
    )
    .option('--max-rooms <n>', 'most rooms at once (env MAX_ROOMS, default 500)')
    .option('--max-players <n>', 'default players per room (env MAX_PLAYERS, default 16)')
    .option('--empty-room-ttl <s>', 'seconds an empty room is kept (env EMPTY_ROOM_TTL_S, default 30)')
    .option('--log-level <level>', `${LOG_LEVELS.join('|')} (env LOG_LEVEL, default info)`)
    .option('--static-dir <dir>', 'built client directory (env STATIC_DIR, default dist/client)')
    .option('--tls-cert <file>', 'PEM certificate (chain) to serve https and wss with (env TLS_CERT_FILE)')
    .option('--tls-key <file>', 'PEM private key of --tls-cert, unencrypted (env TLS_KEY_FILE)')
    .option(
      '--http-redirect-port <n>',
      'with TLS: plain http port redirecting to https (env HTTP_REDIRECT_PORT)',
    )
    .option(
      '--allowed-origins <list>',
      'comma list of origins, * for any (env ALLOWED_ORIGINS, default same-origin)',
    )
    .option('--trust-proxy', 'client address from X-Forwarded-For (env TRUST_PROXY=1)')
    .option(
      '--max-conns-per-ip <n>',
      'open sockets per address, 0 = no limit (env MAX_CONNS_PER_IP, default 32)',
    )
    .option('--join-burst <n>', 'join attempts per address at once (env JOIN_BURST, default 30)')
    .option(
      '--join-rate <n>',
      'join attempts per address per second, 0 = no limit (env JOIN_RATE, default 2)',
    )
    .option(
      '--handshakes-per-s <n>',
      'WebSocket handshakes per second, all clients (env HANDSHAKES_PER_S, default 200)',
    )
    .option(
      '--max-held-seats-per-ip <n>',
      'dropped seats held per address, 0 = no limit (env MAX_HELD_SEATS_PER_IP, default 4)',
    )
    .option(
      '--slow-consumer-bytes <n>',
      'buffered bytes that make a socket slow (env SLOW_CONSUMER_BYTES, default 65536)',
    )
    .option(
      '--slow-consumer-timeout <s>',
      'seconds a slow socket is kept (env SLOW_CONSUMER_TIMEOUT_S, default 5)',
    )
    .option('--redis <url>', 'Redis URL: turns on cluster mode (env REDIS_URL)')
    .option('--public-url <url>', 'how clients reach this process, needed with --redis (env PUBLIC_URL)')
    .option('--node-id <id>', 'unique id of this process in the cluster (env NODE_ID, default random)')
    .option('--admin-token <token>', 'bearer token of /admin/*, 16+ chars (env ADMIN_TOKEN, default off)')
    .option('--resume-grace <s>', 'seconds a dropped seat is kept, 0 = off (env RESUME_GRACE_S, default 20)')
    .option('--drain-timeout <s>', 'longest SIGTERM drain in seconds (env DRAIN_TIMEOUT_S, default 30)')
    .option('--heartbeat <s>', 'cluster heartbeat period in seconds (env HEARTBEAT_S, default 1)')
    .option('--node-expiry <s>', 'seconds a silent node stays listed (env NODE_EXPIRY_S, default 5)')
    .exitOverride()
    .configureOutput({ writeErr: () => {}, outputError: () => {} });
}

function parseFlags(argv: readonly string[]): Record<string, string | boolean | undefined> {
  const program = buildProgram();
  try {
    program.parse([...argv], { from: 'node' });
  } catch (err) {
    if (err instanceof CommanderError) {
      const helpish = err.code === 'commander.helpDisplayed' || err.code === 'commander.version';
      throw new ConfigError(err.message.replace(/^error: /, ''), helpish ? 0 : 2);
    }
    throw err;
  }
  return program.opts<Record<string, string | boolean | undefined>>();
}

/** Parses `argv` (as process.argv: node, script, flags...) and `env`; flags win over env. Throws ConfigError. */
export function parseConfig(argv: readonly string[], env: Env): Config {
  const flags = parseFlags(argv);
  const pick = (flag: string, envKey: string): string | undefined => {
    const v = flags[flag];
    return typeof v === 'string' ? v : env[envKey];
  };
  const num = (flag: string, envKey: string, label: string, def: number, min: number, max: number) => {
    const raw = pick(flag, envKey);
    return raw === undefined ? def : integer(label, raw, min, max);
  };

  const port = num('port', 'PORT', '--port/PORT', 8080, 0, 65_535);
  const host = pick('host', 'HOST') ?? '0.0.0.0';
  if (host.trim() === '') throw new ConfigError('--host/HOST must not be empty');
  const tickRate = num('tickRate', 'TICK_RATE', '--tick-rate/TICK_RATE', DEFAULT_TICK_HZ, 1, 120);
  const snapshotRate = num(
    'snapshotRate',
    'SNAPSHOT_RATE',
    '--snapshot-rate/SNAPSHOT_RATE',
    tickRate,
    1,
    120,
  );
  if (snapshotRate > tickRate) {
    throw new ConfigError(`--snapshot-rate (${snapshotRate}) must not exceed --tick-rate (${tickRate})`);
  }
  const tickPhases = num(
    'tickPhases',
    'TICK_PHASES',
    '--tick-phases/TICK_PHASES',
    DEFAULT_TICK_PHASES,
    1,
    MAX_TICK_PHASES,
  );
  const ioBatchMs = num(
    'ioBatchMs',
    'IO_BATCH_MS',
    '--io-batch-ms/IO_BATCH_MS',
    DEFAULT_IO_BATCH_MS,
    0,
    MAX_IO_BATCH_MS,
  );
  const maxRooms = num('maxRooms', 'MAX_ROOMS', '--max-rooms/MAX_ROOMS', 500, 1, 100_000);
  const maxPlayers = num(
    'maxPlayers',
    'MAX_PLAYERS',
    '--max-players/MAX_PLAYERS',
    DEFAULT_MAX_PLAYERS_PER_ROOM,
    2,
    MAX_PLAYERS_PER_ROOM_LIMIT,
  );
  const ttlRaw = pick('emptyRoomTtl', 'EMPTY_ROOM_TTL_S');
  const emptyRoomTtlS = ttlRaw === undefined ? 30 : seconds('--empty-room-ttl/EMPTY_ROOM_TTL_S', ttlRaw);
  const level = pick('logLevel', 'LOG_LEVEL') ?? 'info';
  const logLevel = LOG_LEVELS.find((l) => l === level);
  if (!logLevel)
    throw new ConfigError(`--log-level/LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${level}"`);
  const dir = pick('staticDir', 'STATIC_DIR');
  const staticDir = dir === undefined ? join(findPackageRoot(), 'dist', 'client') : resolveDir(dir);

  const d = SECURITY_DEFAULTS;
  const timeoutRaw = pick('slowConsumerTimeout', 'SLOW_CONSUMER_TIMEOUT_S');
  const slowS =
    timeoutRaw === undefined
      ? d.slowConsumerMs / 1000
      : seconds('--slow-consumer-timeout/SLOW_CONSUMER_TIMEOUT_S', timeoutRaw);
  if (slowS < 0.1) throw new ConfigError('--slow-consumer-timeout must be at least 0.1 seconds');
  const originsRaw = pick('allowedOrigins', 'ALLOWED_ORIGINS');

  const hosting = parseHosting(pick, configFail);
  const tls = parseTls(pick, configFail);
  if (tls && hosting.publicUrl?.startsWith('http:'))
    throw new ConfigError('--public-url must be https:// with --tls-cert: this process answers only TLS');
  const redirectRaw = pick('httpRedirectPort', 'HTTP_REDIRECT_PORT');
  const httpRedirectPort =
    redirectRaw === undefined
      ? null
      : integer('--http-redirect-port/HTTP_REDIRECT_PORT', redirectRaw, 0, 65_535);
  if (httpRedirectPort !== null && !tls)
    throw new ConfigError('--http-redirect-port needs --tls-cert and --tls-key: it redirects to https');
  if (httpRedirectPort !== null && httpRedirectPort !== 0 && httpRedirectPort === port)
    throw new ConfigError(`--http-redirect-port must differ from --port (${port})`);

  return Object.freeze({
    ...hosting,
    port,
    host,
    tickRate,
    snapshotRate,
    tickPhases,
    ioBatchMs,
    maxRooms,
    maxPlayers,
    emptyRoomTtlS,
    logLevel,
    staticDir,
    allowedOrigins: originsRaw === undefined ? d.allowedOrigins : parseOrigins(originsRaw),
    trustProxy: flags.trustProxy === true || /^(1|true|yes)$/i.test(env.TRUST_PROXY ?? ''),
    maxConnsPerIp: num(
      'maxConnsPerIp',
      'MAX_CONNS_PER_IP',
      '--max-conns-per-ip/MAX_CONNS_PER_IP',
      d.maxConnsPerIp,
      0,
      1e6,
    ),
    joinBurst: num('joinBurst', 'JOIN_BURST', '--join-burst/JOIN_BURST', d.joinBurst, 1, 1e6),
    joinRatePerS: num('joinRate', 'JOIN_RATE', '--join-rate/JOIN_RATE', d.joinRatePerS, 0, 1e6),
    handshakesPerS: num(
      'handshakesPerS',
      'HANDSHAKES_PER_S',
      '--handshakes-per-s/HANDSHAKES_PER_S',
      d.handshakesPerS,
      1,
      1e6,
    ),
    maxHeldSeatsPerIp: num(
      'maxHeldSeatsPerIp',
      'MAX_HELD_SEATS_PER_IP',
      '--max-held-seats-per-ip/MAX_HELD_SEATS_PER_IP',
      d.maxHeldSeatsPerIp,
      0,
      1e6,
    ),
    slowConsumerBytes: num(
      'slowConsumerBytes',
      'SLOW_CONSUMER_BYTES',
      '--slow-consumer-bytes/SLOW_CONSUMER_BYTES',
      d.slowConsumerBytes,
      1024,
      1 << 30,
    ),
    slowConsumerMs: Math.round(slowS * 1000),
    tls,
    httpRedirectPort,
  });
}

/** Parses a comma list of origins (scheme://host[:port]) into their canonical form; '*' allows any. */
function parseOrigins(raw: string): readonly string[] {
  const items = raw
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '');
  if (items.length === 0) throw new ConfigError('--allowed-origins/ALLOWED_ORIGINS must not be empty');
  const out = items.map((o) => {
    if (o === '*') return o;
    let url: URL;
    try {
      url = new URL(o);
    } catch {
      throw new ConfigError(`--allowed-origins: "${o}" is not an origin like https://example.com`);
    }
    if (url.origin === 'null' || url.pathname !== '/' || url.search !== '' || url.hash !== '')
      throw new ConfigError(`--allowed-origins: "${o}" must be scheme://host[:port] with no path`);
    return url.origin;
  });
  return Object.freeze(out);
}

function resolveDir(dir: string): string {
  if (dir.trim() === '') throw new ConfigError('--static-dir/STATIC_DIR must not be empty');
  return isAbsolute(dir) ? dir : resolve(dir);
}
