/** Server configuration: CLI flags and environment parsed once into a frozen, validated Config. */
import { isAbsolute, join, resolve } from 'node:path';
import { Command, CommanderError } from 'commander';
import { DEFAULT_MAX_PLAYERS_PER_ROOM, MAX_PLAYERS_PER_ROOM_LIMIT } from '../protocol/index.js';
import { findPackageRoot } from './package-root.js';

/** Log levels accepted by --log-level (pino's, plus silent). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The validated server configuration. */
export interface Config {
  /** TCP port; 0 picks a free one. @default 8080 */
  readonly port: number;
  /** Interface to listen on. @default '0.0.0.0' */
  readonly host: string;
  /** Simulation rate in Hz, 1..120. @default 30 */
  readonly tickRate: number;
  /** State frames per second, 1..tickRate. @default tickRate */
  readonly snapshotRate: number;
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
}

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

function seconds(label: string, raw: string): number {
  const n = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(n) || n < 0 || n > 86_400) {
    throw new ConfigError(`${label} must be a number of seconds between 0 and 86400, got "${raw}"`);
  }
  return n;
}

function buildProgram(): Command {
  return new Command('tickfire-server')
    .description('Tickfire authoritative game server')
    .option('--port <n>', 'TCP port, 0 for any free one (env PORT, default 8080)')
    .option('--host <addr>', 'interface to listen on (env HOST, default 0.0.0.0)')
    .option('--tick-rate <hz>', 'simulation ticks per second, 1..120 (env TICK_RATE, default 30)')
    .option('--snapshot-rate <hz>', 'state frames per second, <= tick rate (env SNAPSHOT_RATE)')
    .option('--max-rooms <n>', 'most rooms at once (env MAX_ROOMS, default 500)')
    .option('--max-players <n>', 'default players per room (env MAX_PLAYERS, default 16)')
    .option('--empty-room-ttl <s>', 'seconds an empty room is kept (env EMPTY_ROOM_TTL_S, default 30)')
    .option('--log-level <level>', `${LOG_LEVELS.join('|')} (env LOG_LEVEL, default info)`)
    .option('--static-dir <dir>', 'built client directory (env STATIC_DIR, default dist/client)')
    .exitOverride()
    .configureOutput({ writeErr: () => {}, outputError: () => {} });
}

function parseFlags(argv: readonly string[]): Record<string, string | undefined> {
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
  return program.opts<Record<string, string | undefined>>();
}

/** Parses `argv` (as process.argv: node, script, flags...) and `env`; flags win over env. Throws ConfigError. */
export function parseConfig(argv: readonly string[], env: Env): Config {
  const flags = parseFlags(argv);
  const pick = (flag: string, envKey: string): string | undefined => flags[flag] ?? env[envKey];
  const num = (flag: string, envKey: string, label: string, def: number, min: number, max: number) => {
    const raw = pick(flag, envKey);
    return raw === undefined ? def : integer(label, raw, min, max);
  };

  const port = num('port', 'PORT', '--port/PORT', 8080, 0, 65_535);
  const host = pick('host', 'HOST') ?? '0.0.0.0';
  if (host.trim() === '') throw new ConfigError('--host/HOST must not be empty');
  const tickRate = num('tickRate', 'TICK_RATE', '--tick-rate/TICK_RATE', 30, 1, 120);
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

  return Object.freeze({
    port,
    host,
    tickRate,
    snapshotRate,
    maxRooms,
    maxPlayers,
    emptyRoomTtlS,
    logLevel,
    staticDir,
  });
}

function resolveDir(dir: string): string {
  if (dir.trim() === '') throw new ConfigError('--static-dir/STATIC_DIR must not be empty');
  return isAbsolute(dir) ? dir : resolve(dir);
}
