/** What the admin API acts on in this process: the registry's rooms and the sockets of their players. */
import type uWS from 'uWebSockets.js';
import type { RoomRegistry } from '../room/room-registry.js';
import type { AdminTarget } from './admin-routes.js';
import { kickFromRoom, roomRoster } from './room-sockets.js';
import type { SessionData } from './session.js';

/** An AdminTarget over `registry` and the server's open `sockets`. */
export function adminTarget(
  registry: RoomRegistry,
  sockets: ReadonlySet<uWS.WebSocket<SessionData>>,
): AdminTarget {
  return {
    rooms: () =>
      [...registry.all()].map((r) => {
        const { code, name, private: isPrivate, state, maxPlayers } = r.info();
        return { code, name, private: isPrivate, state, maxPlayers, players: roomRoster(sockets, code) };
      }),
    closeRoom: (code, closeCode, reason) => registry.close(code, closeCode, reason),
    kick: (code, playerId, closeCode, reason) => {
      if (!registry.get(code)) return false;
      return kickFromRoom(sockets, code, playerId, closeCode, reason);
    },
  };
}
