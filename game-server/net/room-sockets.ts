/** The open sockets of one room, found through the server's socket set: roster, system chat and kicks. */
import type uWS from 'uWebSockets.js';
import { chatFrame } from '../room/frames.js';
import type { SessionData } from './session.js';
import { truncateReason } from './session.js';

type Sockets = ReadonlySet<uWS.WebSocket<SessionData>>;

/** The joined, open sockets of room `code`. */
export function roomSockets(sockets: Sockets, code: string): uWS.WebSocket<SessionData>[] {
  const out: uWS.WebSocket<SessionData>[] = [];
  for (const ws of sockets) {
    const s = ws.getUserData().session;
    if (!s.refused && s.playerId !== 0 && s.room.code === code) out.push(ws);
  }
  return out;
}

/** Players connected to room `code` (id and name), by id. */
export function roomRoster(sockets: Sockets, code: string): { id: number; name: string }[] {
  return roomSockets(sockets, code)
    .map((ws) => {
      const s = ws.getUserData().session;
      return { id: s.playerId, name: s.name };
    })
    .sort((a, b) => a.id - b.id);
}

/** Sends a system chat line (player id 0, name `from`) to every player of room `code`; how many got it. */
export function announceToRoom(
  sockets: Sockets,
  code: string,
  from: string,
  text: string,
  serverTime: number,
): number {
  const frame = chatFrame(0, from, text, Math.round(serverTime));
  const targets = roomSockets(sockets, code);
  for (const ws of targets) ws.send(frame, true, false);
  return targets.length;
}

/** Ends player `playerId`'s socket in room `code` with `closeCode`/`reason`; false if not connected here. */
export function kickFromRoom(
  sockets: Sockets,
  code: string,
  playerId: number,
  closeCode: number,
  reason: string,
): boolean {
  const ws = roomSockets(sockets, code).find((w) => w.getUserData().session.playerId === playerId);
  if (!ws) return false;
  // end() runs the close handler synchronously (room.leave): nothing touches ws afterwards.
  ws.end(closeCode, truncateReason(reason));
  return true;
}
