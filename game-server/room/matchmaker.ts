/** Finding the room a join request goes to: quick play, or a room by code. */
import type { JoinRefusal, RoomRequest } from '../../protocol/index.js';
import type { Room } from './room.js';
import type { RoomRegistry } from './room-registry.js';

/** Quick-play rooms keep at least this many players with bots, so a lone player has opponents at once. */
export const QUICK_PLAY_MIN_PLAYERS = 4;

/** Where a request goes: a room, or (probe of quick play with nothing open) a room yet to be created. */
export type Placement = { ok: true; room: Room | null } | { ok: false; refusal: JoinRefusal };

/** Picks rooms for join requests. */
export class Matchmaker {
  constructor(
    private readonly registry: RoomRegistry,
    private readonly defaultMaxPlayers: number,
    /** Players quick-play rooms are filled up to with bots (0: none). */
    private readonly quickPlayBots: number = QUICK_PLAY_MIN_PLAYERS,
  ) {}

  /** A public room with space (in any phase; a spectator seat with `spectate`), fullest first so players meet each other. */
  findQuickRoom(spectate = false): Room | undefined {
    let best: Room | undefined;
    for (const r of this.registry.all()) {
      if (r.isPrivate || !(spectate ? r.hasSpectatorSpace : r.hasSpace)) continue;
      if (!best || r.playerCount > best.playerCount) best = r;
    }
    return best;
  }

  /**
   * Resolves a request to a room. With `create` false nothing is created (GET /api/join), and quick
   * play with no open room answers room null if one could be created. A spectator (`spectate`) may
   * join a full room while it has spectator seats.
   */
  place(request: RoomRequest, create: boolean, spectate = false): Placement {
    if (request.kind === 'code') {
      const room = this.registry.get(request.code);
      if (!room || room.disposed) {
        return {
          ok: false,
          refusal: { error: 'room_not_found', reason: `no room has the code ${request.code}` },
        };
      }
      if (!(spectate ? room.hasSpectatorSpace : room.hasSpace)) {
        return { ok: false, refusal: { error: 'room_full', reason: `room ${request.code} is full` } };
      }
      return { ok: true, room };
    }
    const open = this.findQuickRoom(spectate);
    if (open) return { ok: true, room: open };
    if (!this.registry.hasCapacity) return { ok: false, refusal: serverFull() };
    if (!create) return { ok: true, room: null };
    const room = this.registry.create({
      name: quickRoomName,
      maxPlayers: this.defaultMaxPlayers,
      isPrivate: false,
      match: {
        bots: this.quickPlayBots > 0 ? { minPlayers: this.quickPlayBots, difficulty: 'normal' } : null,
      },
    });
    return room ? { ok: true, room } : { ok: false, refusal: serverFull() };
  }
}

/** The refusal when the max-rooms limit is reached. */
export function serverFull(): JoinRefusal {
  return { error: 'server_full', reason: 'the server has no room for another game: try again later' };
}

/** Name of a room created by quick play: "Arena" and the start of its code. */
export function quickRoomName(code: string): string {
  return `Arena ${code.slice(0, 4)}`;
}
