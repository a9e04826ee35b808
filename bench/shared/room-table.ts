/** Rooms keyed by name, each with up to 16 players; shared by the floor and socket.io servers. */
import { type ArenaPlayer, ROOM_SIZE, spawnPlayer } from './arena-sim.js';

/** A workload room: players by id plus the per-system connection of each. */
export interface ArenaRoom<C> {
  readonly name: string;
  readonly players: ArenaPlayer[];
  readonly conns: C[];
}

/** Rooms created on first join; a joiner gets the next free id 0..15. */
export class RoomTable<C> {
  readonly rooms = new Map<string, ArenaRoom<C>>();
  clients = 0;

  /** Adds a connection to room `name`; null when the room is full. */
  join(name: string, conn: C): { room: ArenaRoom<C>; player: ArenaPlayer } | null {
    let room = this.rooms.get(name);
    if (!room) {
      room = { name, players: [], conns: [] };
      this.rooms.set(name, room);
    }
    if (room.players.length >= ROOM_SIZE) return null;
    const player = spawnPlayer(room.players.length);
    room.players.push(player);
    room.conns.push(conn);
    this.clients++;
    return { room, player };
  }

  /** Removes a connection; the room disappears when empty. */
  leave(room: ArenaRoom<C>, conn: C): void {
    const i = room.conns.indexOf(conn);
    if (i < 0) return;
    room.conns.splice(i, 1);
    room.players.splice(i, 1);
    this.clients--;
    if (room.conns.length === 0) this.rooms.delete(room.name);
  }

  /** Current counts for the control port. */
  count(): { clients: number; rooms: number } {
    return { clients: this.clients, rooms: this.rooms.size };
  }
}
