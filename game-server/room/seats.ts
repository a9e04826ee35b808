/**
 * A player's seat across connections. When a socket drops, the seat is detached: the player stays in
 * the world (standing still, still hittable, RosterFlag.Away) and sends nothing. A resumed socket is
 * attached to it: fresh input queue and State baseline, so the next State is a full frame and the
 * acks restart from seq 0 as the new client's inputs do.
 */
import { type RosterEntry, RosterFlag } from '../../protocol/index.js';
import type { World } from '../sim/index.js';
import { type InputCounters, InputQueue } from './input-queue.js';
import type { RoomClient } from './room-client.js';
import { ClientStateView } from './state-sender.js';

/** The per-connection parts of a room member that detach and attach swap. */
export interface SeatLink {
  readonly id: number;
  client: RoomClient;
  inputs: InputQueue;
  view: ClientStateView;
}

/** The client of a detached seat: frames to it vanish (reported sent, so they count as nothing). */
export const AWAY_CLIENT: RoomClient = Object.freeze({
  send: () => 1,
  bufferedAmount: () => 0,
  cork: (fn: () => void) => fn(),
  end: () => {},
});

/** True while `link`'s seat is held for a dropped connection. */
export function isAway(link: SeatLink): boolean {
  return link.client === AWAY_CLIENT;
}

/** Detaches a seat: its player stops (keys cleared, queued inputs dropped) and its frames go nowhere. */
export function detachSeat(link: SeatLink, world: World, counters: InputCounters): void {
  link.client = AWAY_CLIENT;
  link.inputs = new InputQueue(counters);
  const p = world.players.get(link.id);
  if (p) p.keys = 0;
}

/**
 * Attaches `client` to a seat with a fresh input queue and State baseline. Returns the client it
 * replaced if that one was still connected (the caller ends it with CloseCode.Replaced), else null.
 */
export function attachSeat(
  link: SeatLink,
  client: RoomClient,
  world: World,
  counters: InputCounters,
  interest: boolean,
): RoomClient | null {
  const replaced = isAway(link) ? null : link.client;
  link.client = client;
  link.inputs = new InputQueue(counters);
  link.view = new ClientStateView(link.id, interest ? 'near' : 'shared');
  const p = world.players.get(link.id);
  if (p) p.keys = 0;
  return replaced;
}

/** Roster entries with RosterFlag.Away set on the players whose seats are detached. */
export function withAway(entries: readonly RosterEntry[], away: (id: number) => boolean): RosterEntry[] {
  return entries.map((e) => (away(e[0]) ? [e[0], e[1], e[2], e[3], e[4], e[5] | RosterFlag.Away] : e));
}
