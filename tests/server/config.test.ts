import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../game-server/config.js';

const argv = (...flags: string[]) => ['node', 'main.js', ...flags];

describe('parseConfig', () => {
  it('has security defaults and reads the security flags', () => {
    expect(parseConfig(argv(), {})).toMatchObject({
      allowedOrigins: [],
      trustProxy: false,
      maxConnsPerIp: 32,
      joinBurst: 30,
      joinRatePerS: 2,
      handshakesPerS: 200,
      maxHeldSeatsPerIp: 4,
      slowConsumerBytes: 65536,
      slowConsumerMs: 5000,
    });
    const c = parseConfig(
      argv(
        '--trust-proxy',
        '--allowed-origins',
        'https://a.example, http://b.example:8080/',
        '--join-rate',
        '0',
      ),
      { MAX_CONNS_PER_IP: '4', SLOW_CONSUMER_TIMEOUT_S: '2.5', MAX_HELD_SEATS_PER_IP: '0' },
    );
    expect(c).toMatchObject({
      trustProxy: true,
      allowedOrigins: ['https://a.example', 'http://b.example:8080'],
      joinRatePerS: 0,
      maxConnsPerIp: 4,
      maxHeldSeatsPerIp: 0,
      slowConsumerMs: 2500,
    });
    expect(parseConfig(argv(), { TRUST_PROXY: '1', ALLOWED_ORIGINS: '*' })).toMatchObject({
      trustProxy: true,
      allowedOrigins: ['*'],
    });
    expect(() => parseConfig(argv('--allowed-origins', 'evil'), {})).toThrow(/allowed-origins/);
    expect(() => parseConfig(argv('--allowed-origins', 'https://a.example/path'), {})).toThrow(/no path/);
    expect(() => parseConfig(argv('--slow-consumer-bytes', '10'), {})).toThrow(/slow-consumer-bytes/);
    expect(parseConfig(argv('--max-held-seats-per-ip', '7'), {}).maxHeldSeatsPerIp).toBe(7);
    expect(() => parseConfig(argv('--max-held-seats-per-ip', '-1'), {})).toThrow(/max-held-seats-per-ip/);
  });

  it('has documented defaults', () => {
    const c = parseConfig(argv(), {});
    expect(c).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      tickRate: 30,
      snapshotRate: 30,
      tickPhases: 1,
      ioBatchMs: 2,
      maxRooms: 500,
      maxPlayers: 16,
      emptyRoomTtlS: 30,
      logLevel: 'info',
    });
    expect(c.staticDir.endsWith(join('dist', 'client'))).toBe(true);
    expect(existsSync(join(c.staticDir, '..', '..', 'package.json'))).toBe(true);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('reads flags and env; flags win', () => {
    const c = parseConfig(
      argv('--port', '9000', '--tick-rate', '60', '--log-level', 'warn', '--static-dir', '/srv/x'),
      {
        PORT: '7000',
        HOST: '127.0.0.1',
        SNAPSHOT_RATE: '20',
        MAX_ROOMS: '3',
        MAX_PLAYERS: '4',
        EMPTY_ROOM_TTL_S: '0.5',
      },
    );
    expect(c).toMatchObject({
      port: 9000,
      host: '127.0.0.1',
      tickRate: 60,
      snapshotRate: 20,
      maxRooms: 3,
      maxPlayers: 4,
      emptyRoomTtlS: 0.5,
      logLevel: 'warn',
      staticDir: '/srv/x',
    });
    expect(parseConfig(argv('--port=0'), {}).port).toBe(0);
    expect(parseConfig(argv(), { TICK_RATE: '10' }).snapshotRate).toBe(10);
    expect(parseConfig(argv('--tick-phases', '8'), { TICK_PHASES: '2' }).tickPhases).toBe(8);
    expect(parseConfig(argv(), { TICK_PHASES: '3' }).tickPhases).toBe(3);
    expect(parseConfig(argv('--io-batch-ms', '0'), { IO_BATCH_MS: '5' }).ioBatchMs).toBe(0);
    expect(parseConfig(argv(), { IO_BATCH_MS: '5' }).ioBatchMs).toBe(5);
  });

  it.each([
    [argv('--port', '70000'), {}, /--port/],
    [argv('--port', 'abc'), {}, /integer/],
    [argv(), { TICK_RATE: '0' }, /TICK_RATE/],
    [argv('--tick-rate', '121'), {}, /tick-rate/],
    [argv('--tick-rate', '20', '--snapshot-rate', '30'), {}, /must not exceed/],
    [argv('--tick-phases', '0'), {}, /--tick-phases\/TICK_PHASES must be between 1 and 32/],
    [argv(), { TICK_PHASES: '33' }, /TICK_PHASES must be between 1 and 32/],
    [argv('--io-batch-ms', '11'), {}, /--io-batch-ms\/IO_BATCH_MS must be between 0 and 10/],
    [argv(), { IO_BATCH_MS: '1.5' }, /IO_BATCH_MS must be an integer/],
    [argv('--max-players', '1'), {}, /max-players/],
    [argv('--max-players', '65'), {}, /max-players/],
    [argv(), { MAX_ROOMS: '-1' }, /MAX_ROOMS/],
    [argv(), { EMPTY_ROOM_TTL_S: 'soon' }, /EMPTY_ROOM_TTL_S/],
    [argv('--log-level', 'loud'), {}, /log-level/],
    [argv('--nope'), {}, /unknown option/],
  ])('refuses %j %j', (args, env, message) => {
    expect(() => parseConfig(args, env)).toThrow(ConfigError);
    expect(() => parseConfig(args, env)).toThrow(message);
    try {
      parseConfig(args, env);
    } catch (err) {
      expect((err as ConfigError).exitCode).toBe(2);
    }
  });
});
