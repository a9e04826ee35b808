/** A Room, or a RoomRegistry, on fake timers for room tests. */
import { Room } from '../../game-server/room/room.js';
import { type RegistryOptions, RoomRegistry } from '../../game-server/room/room-registry.js';
import type { RoomOptions } from '../../game-server/room/room-types.js';
import { createFakeTimers, type FakeTimers } from './fake-timers.js';

/** A test room and what drives it: its timers and the rooms that expired. */
export interface TestRoom {
  readonly room: Room;
  readonly timers: FakeTimers;
  readonly expired: Room[];
}

/**
 * A public 2-player room 'ABCDEF' at 30 Hz (State every tick), seed 7, expiring 30 s after it empties,
 * on fake timers starting at `startMs`; `overrides` replace any option.
 */
export function makeTestRoom(overrides: Partial<RoomOptions> = {}, startMs = 500): TestRoom {
  const timers = createFakeTimers(startMs);
  const expired: Room[] = [];
  const room = new Room({
    code: 'ABCDEF',
    name: 'Test room',
    maxPlayers: 2,
    isPrivate: false,
    tickHz: 30,
    snapshotHz: 30,
    emptyTtlMs: 30_000,
    seed: 7,
    now: timers.now,
    timers,
    onExpire: (r) => expired.push(r),
    ...overrides,
  });
  return { room, timers, expired };
}

/** A registry of up to 10 rooms at 30 Hz on fake timers, rooms kept 1 s once empty; `overrides` replace any option. */
export function makeTestRegistry(overrides: Partial<RegistryOptions> = {}): {
  registry: RoomRegistry;
  timers: FakeTimers;
} {
  const timers = createFakeTimers();
  const registry = new RoomRegistry({
    maxRooms: 10,
    tickHz: 30,
    snapshotHz: 30,
    emptyTtlMs: 1000,
    now: timers.now,
    timers,
    ...overrides,
  });
  return { registry, timers };
}
