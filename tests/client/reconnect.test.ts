import { describe, expect, it, vi } from 'vitest';
import type { CloseInfo } from '../../game-client/net/connection.js';
import {
  isFinalClose,
  isRematch,
  isResumable,
  Reconnector,
  type ResumeProbe,
  resumeUrl,
  retryDelayMs,
} from '../../game-client/net/reconnect.js';
import { attachReconnect } from '../../game-client/net/reconnect-session.js';
import type { Session } from '../../game-client/net/session.js';
import { createFakeTimers } from '../helpers/fake-timers.js';

const drop = (code: number, reason = ''): CloseInfo => ({
  code,
  reason,
  wasOpen: true,
  byClient: false,
  message: '',
});

describe('reconnect policy', () => {
  it('resumes network drops, not leaves, refusals, replacements or drains', () => {
    expect(isResumable(drop(1006), 'tok')).toBe(true);
    expect(isResumable(drop(4008), 'tok')).toBe(true);
    expect(isResumable(drop(1006), '')).toBe(false);
    for (const code of [1000, 4002, 4006, 4007, 4009]) expect(isResumable(drop(code), 'tok')).toBe(false);
    expect(isResumable(drop(1001, 'server_draining: restarting'), 'tok')).toBe(false);
    expect(isRematch(drop(1001, 'server_draining: restarting'))).toBe(true);
    expect(isResumable({ ...drop(1006), byClient: true }, 'tok')).toBe(false);
  });

  it('treats seat-ending codes, replacements and lost seats as final', () => {
    for (const code of [1000, 4001, 4002, 4003, 4004, 4005, 4006, 4007, 4009]) {
      expect(isFinalClose(drop(code))).toBe(true);
    }
    for (const code of [1001, 1006, 4008]) expect(isFinalClose(drop(code))).toBe(false);
    expect(isFinalClose(drop(1006, 'resume_failed: gone'))).toBe(true);
  });

  it('backs off 0.5, 1, 2, 4, 4 s with +-25% jitter', () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(n, () => 0.5))).toEqual([500, 1000, 2000, 4000, 4000]);
    expect(retryDelayMs(1, () => 0)).toBe(375);
    expect(retryDelayMs(1, () => 0.999)).toBeLessThanOrEqual(625);
  });

  it('resumes on the same server, or on the node a cluster names', () => {
    expect(resumeUrl('ws://a:1/ws?v=5&name=x&quick=1', 'T'.repeat(22))).toBe(
      `ws://a:1/ws?v=5&resume=${'T'.repeat(22)}`,
    );
    expect(resumeUrl('ws://a:1/ws?v=5', 'tok_tok_tok_tok_tok_to', 'https://b.example')).toBe(
      'wss://b.example/ws?v=5&resume=tok_tok_tok_tok_tok_to',
    );
  });
});

describe('Reconnector', () => {
  function setup(probes: ResumeProbe[]) {
    const timers = createFakeTimers();
    const log: string[] = [];
    const rc = new Reconnector({
      probe: async () => probes.shift() ?? { kind: 'unreachable' },
      reopen: (t) => log.push(`reopen ${t}`),
      done: (ok) => log.push(`done ${ok}`),
      onStatus: (s) => log.push(`status ${s.attempt}`),
      setTimer: (fn, ms) => timers.set(fn, ms),
      clearTimer: (h) => timers.clear(h),
      now: timers.now,
      random: () => 0.5,
      graceMs: 5000,
    });
    const flush = () => new Promise<void>((r) => setImmediate(r));
    return { timers, log, rc, flush };
  }

  it('retries unreachable probes, reopens on ok and finishes on Welcome', async () => {
    const { timers, log, rc, flush } = setup([{ kind: 'unreachable' }, { kind: 'ok' }]);
    rc.start('tok');
    timers.advance(500);
    await flush();
    timers.advance(1000);
    await flush();
    expect(log.filter((l) => l.startsWith('reopen'))).toEqual(['reopen tok']);
    rc.resumed();
    expect(log.at(-1)).toBe('done true');
    expect(rc.active).toBe(false);
  });

  it('gives up on a refusal and at the end of the grace', async () => {
    const a = setup([{ kind: 'refused' }]);
    a.rc.start('tok');
    a.timers.advance(500);
    await a.flush();
    expect(a.log.at(-1)).toBe('done false');

    const b = setup([]);
    b.rc.start('tok');
    for (let i = 0; i < 10; i++) {
      b.timers.advance(4000);
      await b.flush();
    }
    expect(b.log.at(-1)).toBe('done false');
    expect(b.log.filter((l) => l === 'done false')).toHaveLength(1);
  });
});

describe('attachReconnect', () => {
  /** A stand-in for the parts of Session that attachReconnect uses. */
  function fakeSession() {
    const s = {
      holdOnDrop: null as ((info: CloseInfo) => boolean) | null,
      resumeToken: 'tok',
      on: () => () => {},
      resume: vi.fn(),
      end: vi.fn(),
    };
    return s;
  }

  function attach() {
    const session = fakeSession();
    const view = { show: vi.fn(), hide: vi.fn() };
    const rc = attachReconnect(session as unknown as Session, {
      url: 'ws://a:1/ws?v=5',
      fetch: vi.fn(),
      view,
      now: () => 0,
    });
    return { session, view, rc, hold: (info: CloseInfo) => session.holdOnDrop?.(info) ?? false };
  }

  it('keeps retrying a resume after a network close', () => {
    vi.useFakeTimers();
    try {
      const { rc, hold } = attach();
      expect(hold(drop(1006))).toBe(true);
      expect(rc.active).toBe(true);
      expect(hold({ ...drop(1006), wasOpen: false })).toBe(true);
      expect(rc.active).toBe(true);
      rc.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('stops retrying when a resume attempt is closed for good (Kicked, Replaced, RoomClosed)', () => {
    vi.useFakeTimers();
    try {
      for (const code of [4007, 4009, 4006]) {
        const { rc, view, hold } = attach();
        expect(hold(drop(1006))).toBe(true);
        expect(hold(drop(code))).toBe(false);
        expect(rc.active).toBe(false);
        expect(view.hide).toHaveBeenCalled();
        expect(vi.getTimerCount()).toBe(0);
      }
    } finally {
      vi.useRealTimers();
    }
  });
});
