import { describe, expect, it } from 'vitest';
import { Matchmaker } from '../../game-server/room/matchmaker.js';
import { randomRoomCode } from '../../game-server/room/room-code.js';
import { isRoomCode, ROOM_CODE_ALPHABET, ROOM_CODE_LENGTH } from '../../protocol/index.js';
import { createFakeClient } from '../helpers/fake-client.js';
import { makeTestRegistry } from '../helpers/room.js';

function setup(maxRooms = 10, newCode?: () => string) {
  const { registry, timers } = makeTestRegistry({ maxRooms, ...(newCode ? { newCode } : {}) });
  return { registry, matchmaker: new Matchmaker(registry, 2), timers };
}

describe('matchmaking', () => {
  it('quick play fills a public room, then creates another', () => {
    const { registry, matchmaker } = setup();
    const first = matchmaker.place({ kind: 'quick' }, true);
    if (!first.ok || !first.room) throw new Error('no room');
    expect(first.room.name).toBe(`Arena ${first.room.code.slice(0, 4)}`);
    first.room.join('a', createFakeClient());
    const again = matchmaker.place({ kind: 'quick' }, true);
    expect(again.ok && again.room).toBe(first.room);
    first.room.join('b', createFakeClient());
    const next = matchmaker.place({ kind: 'quick' }, true);
    expect(next.ok && next.room && next.room !== first.room).toBe(true);
    expect(registry.size).toBe(2);
  });

  it('a probe creates nothing', () => {
    const { registry, matchmaker } = setup();
    expect(matchmaker.place({ kind: 'quick' }, false)).toEqual({ ok: true, room: null });
    expect(registry.size).toBe(0);
  });

  it('refuses a full room, an unknown code, and the max-rooms limit', () => {
    const { registry, matchmaker } = setup(1);
    const room = registry.create({ name: 'Duel', maxPlayers: 2, isPrivate: true });
    if (!room) throw new Error('no room');
    room.join('a', createFakeClient());
    room.join('b', createFakeClient());
    const full = matchmaker.place({ kind: 'code', code: room.code }, true);
    expect(full.ok ? null : full.refusal.error).toBe('room_full');
    const missing = matchmaker.place({ kind: 'code', code: 'ZZZZZZ' }, true);
    expect(missing.ok ? null : missing.refusal.error).toBe('room_not_found');
    const quick = matchmaker.place({ kind: 'quick' }, true);
    expect(quick.ok ? null : quick.refusal.error).toBe('server_full');
    expect(registry.create({ name: 'x', maxPlayers: 2, isPrivate: false })).toBeNull();
  });

  it('never offers private rooms to quick play', () => {
    const { registry, matchmaker } = setup();
    const priv = registry.create({ name: 'Secret', maxPlayers: 8, isPrivate: true });
    const placed = matchmaker.place({ kind: 'quick' }, true);
    expect(placed.ok && placed.room).not.toBe(priv);
    expect(placed.ok && placed.room?.isPrivate).toBe(false);
  });

  it('forgets a room after it expired empty', () => {
    const { registry, timers } = setup();
    const room = registry.create({ name: 'Brief', maxPlayers: 4, isPrivate: false });
    if (!room) throw new Error('no room');
    timers.advance(1000);
    expect(registry.get(room.code)).toBeUndefined();
    expect(room.disposed).toBe(true);
  });

  it('draws codes from the alphabet and retries on collision', () => {
    for (let i = 0; i < 200; i++) {
      const code = randomRoomCode();
      expect(code).toHaveLength(ROOM_CODE_LENGTH);
      expect([...code].every((c) => ROOM_CODE_ALPHABET.includes(c))).toBe(true);
      expect(isRoomCode(code)).toBe(true);
    }
    const codes = ['AAAAAA', 'AAAAAA', 'BBBBBB'];
    const { registry } = setup(10, () => codes.shift() ?? 'CCCCCC');
    const a = registry.create({ name: 'a', maxPlayers: 2, isPrivate: false });
    const b = registry.create({ name: 'b', maxPlayers: 2, isPrivate: false });
    expect([a?.code, b?.code]).toEqual(['AAAAAA', 'BBBBBB']);
  });
});
