import { describe, expect, it } from 'vitest';
import { HeldSeats } from '../../game-server/net/held-seats.js';

const seat = (playerId: number, roomCode = 'ABCDEF') => ({ roomCode, playerId });

describe('HeldSeats', () => {
  it('holds up to the cap per address, then refuses', () => {
    const held = new HeldSeats(2);
    expect(held.tryHold('1.1.1.1', seat(1))).toBe(true);
    expect(held.tryHold('1.1.1.1', seat(2))).toBe(true);
    expect(held.tryHold('1.1.1.1', seat(3))).toBe(false);
    expect(held.tryHold('2.2.2.2', seat(4))).toBe(true);
    expect(held.count('1.1.1.1')).toBe(2);
    expect(held.count('2.2.2.2')).toBe(1);
    expect(held.size).toBe(3);
  });

  it('counts a seat held again by the same address once', () => {
    const held = new HeldSeats(1);
    expect(held.tryHold('1.1.1.1', seat(1))).toBe(true);
    expect(held.tryHold('1.1.1.1', seat(1))).toBe(true);
    expect(held.count('1.1.1.1')).toBe(1);
  });

  it('frees a place when a seat is released, and forgets unknown seats', () => {
    const held = new HeldSeats(1);
    held.tryHold('1.1.1.1', seat(1));
    held.release(seat(9));
    expect(held.tryHold('1.1.1.1', seat(2))).toBe(false);
    held.release(seat(1));
    expect(held.count('1.1.1.1')).toBe(0);
    expect(held.tryHold('1.1.1.1', seat(2))).toBe(true);
  });

  it('forgets the seats of a removed room and everything on clear', () => {
    const held = new HeldSeats(3);
    held.tryHold('1.1.1.1', seat(1, 'AAAAAA'));
    held.tryHold('1.1.1.1', seat(2, 'BBBBBB'));
    held.releaseRoom('AAAAAA');
    expect(held.count('1.1.1.1')).toBe(1);
    held.clear();
    expect(held.size).toBe(0);
    expect(held.count('1.1.1.1')).toBe(0);
  });

  it('has no limit at 0', () => {
    const held = new HeldSeats(0);
    for (let i = 1; i <= 100; i++) expect(held.tryHold('1.1.1.1', seat(i))).toBe(true);
    expect(held.count('1.1.1.1')).toBe(100);
  });
});
