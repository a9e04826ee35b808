import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../game-server/config.js';

const argv = (...flags: string[]) => ['node', 'main.js', ...flags];

describe('hosting flags', () => {
  it('defaults to the embedded mode', () => {
    expect(parseConfig(argv(), {})).toMatchObject({
      redisUrl: null,
      publicUrl: null,
      nodeId: null,
      adminToken: null,
      resumeGraceS: 20,
      drainTimeoutS: 30,
      heartbeatS: 1,
      nodeExpiryS: 5,
    });
  });

  it('reads flags and env, flags first', () => {
    const c = parseConfig(
      argv(
        '--redis',
        'redis://:pw@r.internal:6379/2',
        '--public-url',
        'https://play.example.com/n1/',
        '--drain-timeout',
        '5',
      ),
      { NODE_ID: 'n-1', ADMIN_TOKEN: 'x'.repeat(20), RESUME_GRACE_S: '0', DRAIN_TIMEOUT_S: '9' },
    );
    expect(c).toMatchObject({
      redisUrl: 'redis://:pw@r.internal:6379/2',
      publicUrl: 'https://play.example.com/n1',
      nodeId: 'n-1',
      adminToken: 'x'.repeat(20),
      resumeGraceS: 0,
      drainTimeoutS: 5,
    });
    expect(
      parseConfig(argv(), { REDIS_URL: 'rediss://r:6380', PUBLIC_URL: 'http://10.0.0.5:8081' }),
    ).toMatchObject({
      redisUrl: 'rediss://r:6380',
      publicUrl: 'http://10.0.0.5:8081',
    });
  });

  it('refuses bad values with the flag named', () => {
    expect(() => parseConfig(argv('--redis', 'redis://r:6379'), {})).toThrow(/--public-url/);
    expect(() => parseConfig(argv('--redis', 'http://r:6379', '--public-url', 'http://a'), {})).toThrow(
      /--redis/,
    );
    expect(() => parseConfig(argv('--public-url', 'ws://a'), {})).toThrow(/--public-url/);
    expect(() => parseConfig(argv('--public-url', 'http://a/?x=1'), {})).toThrow(/--public-url/);
    expect(() => parseConfig(argv('--node-id', 'a b'), {})).toThrow(/--node-id/);
    expect(() => parseConfig(argv('--admin-token', 'short'), {})).toThrow(/--admin-token/);
    expect(() => parseConfig(argv('--resume-grace', '301'), {})).toThrow(/--resume-grace/);
    expect(() => parseConfig(argv('--drain-timeout', '-1'), {})).toThrow(/--drain-timeout/);
    expect(() => parseConfig(argv('--heartbeat', '2', '--node-expiry', '3'), {})).toThrow(/--node-expiry/);
  });
});
