import { describe, expect, it } from 'vitest';
import { isResumeTokenShape, ResumeTokens, type Seat } from '../../game-server/room/resume-tokens.js';
import { createFakeTimers } from '../helpers/fake-timers.js';

const GRACE_MS = 20_000;
const seat: Seat = { roomCode: 'ABCDEF', playerId: 3 };

function setup() {
  const timers = createFakeTimers();
  const expired: Seat[] = [];
  const tokens = new ResumeTokens({ timers, onExpire: (s) => expired.push(s) });
  return { timers, expired, tokens };
}

describe('ResumeTokens', () => {
  it('issues 128-bit base64url tokens, distinct each time', () => {
    const { tokens } = setup();
    const a = tokens.issue(seat);
    const b = tokens.issue({ roomCode: 'ABCDEF', playerId: 4 });
    expect(isResumeTokenShape(a)).toBe(true);
    expect(Buffer.from(a, 'base64url').length).toBe(16);
    expect(a).not.toBe(b);
  });

  it('resumes within the grace period with a rotated token', () => {
    const { timers, expired, tokens } = setup();
    const token = tokens.issue(seat);
    expect(tokens.hold(token, GRACE_MS)).toBe(true);
    timers.advance(GRACE_MS - 1);
    const r = tokens.redeem(token);
    expect(r).not.toBeNull();
    expect(r?.seat).toEqual(seat);
    expect(r?.wasHeld).toBe(true);
    expect(r?.token).not.toBe(token);
    expect(isResumeTokenShape(r?.token ?? '')).toBe(true);
    timers.advance(GRACE_MS * 2);
    expect(expired).toEqual([]);
    expect(timers.pending).toBe(0);
  });

  it('refuses after the grace period and reports the seat once', () => {
    const { timers, expired, tokens } = setup();
    const token = tokens.issue(seat);
    tokens.hold(token, GRACE_MS);
    timers.advance(GRACE_MS);
    expect(expired).toEqual([seat]);
    expect(tokens.redeem(token)).toBeNull();
    expect(tokens.size).toBe(0);
  });

  it('refuses a reused token, and the rotated one works', () => {
    const { timers, tokens } = setup();
    const first = tokens.issue(seat);
    tokens.hold(first, GRACE_MS);
    const r = tokens.redeem(first);
    expect(r).not.toBeNull();
    expect(tokens.redeem(first)).toBeNull();
    // The old socket's close handler must learn that its seat was taken over.
    expect(tokens.hold(first, GRACE_MS)).toBe(false);
    tokens.hold(r?.token ?? '', GRACE_MS);
    timers.advance(1000);
    expect(tokens.redeem(r?.token ?? '')?.seat).toEqual(seat);
  });

  it('refuses forged tokens of any shape', () => {
    const { tokens } = setup();
    const real = tokens.issue(seat);
    tokens.hold(real, GRACE_MS);
    const flipped = (real[0] === 'A' ? 'B' : 'A') + real.slice(1);
    for (const forged of [flipped, '', 'x', 'A'.repeat(22), `${real}=`, real.slice(1), '../../etc/passwd']) {
      expect(tokens.redeem(forged)).toBeNull();
    }
    expect(tokens.redeem(real)?.seat).toEqual(seat);
  });

  it('peek shows the seat without consuming the token', () => {
    const { tokens } = setup();
    const token = tokens.issue(seat);
    tokens.hold(token, GRACE_MS);
    expect(tokens.peek(token)).toEqual(seat);
    expect(tokens.peek('A'.repeat(22))).toBeNull();
    expect(tokens.redeem(token)?.seat).toEqual(seat);
    expect(tokens.peek(token)).toBeNull();
  });

  it('redeems a still-connected seat (a drop the server has not seen yet) with wasHeld false', () => {
    const { tokens } = setup();
    const token = tokens.issue(seat);
    expect(tokens.redeem(token)?.wasHeld).toBe(false);
  });

  it('re-issuing for a seat revokes the older token', () => {
    const { tokens } = setup();
    const old = tokens.issue(seat);
    const fresh = tokens.issue(seat);
    expect(tokens.redeem(old)).toBeNull();
    expect(tokens.redeem(fresh)?.seat).toEqual(seat);
    expect(tokens.size).toBe(1);
  });

  it('release and releaseRoom end tokens without onExpire', () => {
    const { timers, expired, tokens } = setup();
    const a = tokens.issue(seat);
    const b = tokens.issue({ roomCode: 'ZZZZZZ', playerId: 1 });
    const c = tokens.issue({ roomCode: 'ZZZZZZ', playerId: 2 });
    tokens.hold(b, GRACE_MS);
    tokens.release(a);
    tokens.releaseRoom('ZZZZZZ');
    timers.advance(GRACE_MS * 2);
    expect(expired).toEqual([]);
    for (const t of [a, b, c]) expect(tokens.redeem(t)).toBeNull();
    expect(timers.pending).toBe(0);
  });

  it('never serializes a token', () => {
    const { tokens } = setup();
    const token = tokens.issue(seat);
    tokens.hold(token, GRACE_MS);
    const json = JSON.stringify({ tokens });
    expect(json).not.toContain(token);
    expect(JSON.parse(json)).toEqual({ tokens: { tokens: 1, held: 1 } });
  });
});
