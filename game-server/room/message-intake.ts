/** A room's intake of validated client messages: Inputs to the player's queue, Pings answered (a player's round trip noted), Chat relayed. */
import { type ClientMessage, ClientMsg, type InputMsg } from '../../protocol/index.js';
import type { InputFields } from '../../protocol/input-frame.js';
import { relayChat } from './chat-policy.js';
import { pongFrame } from './frames.js';
import type { InputQueue } from './input-queue.js';
import type { RoomMembers } from './room-members.js';
import type { RoomStats } from './room-types.js';

/** Handles `msg` from connection `id`; of a spectator's Inputs only baseTick counts (it has no player). Unknown ids are ignored. */
export function receiveMessage(
  members: RoomMembers,
  id: number,
  msg: ClientMessage,
  stats: RoomStats,
  serverTime: () => number,
): void {
  const m = members.players.get(id);
  if (!m) {
    const s = members.spectators.get(id);
    // A spectator has no player: of its Inputs only the acknowledgement counts (baseTick, the newest
    // State it holds); Ping and Chat work as for players.
    if (s && msg[0] === ClientMsg.Input) s.inputs.baseTick = msg[4];
    else if (s && msg[0] === ClientMsg.Ping) members.sendTo(s, pongFrame(msg[1], serverTime()));
    else if (s && msg[0] === ClientMsg.Chat) relayChat(s, msg[1], members, stats, serverTime);
    return;
  }
  if (msg[0] === ClientMsg.Input) queueInput(m.inputs, inputFields(msg));
  else if (msg[0] === ClientMsg.Ping) {
    m.rttMs = msg[2];
    members.sendTo(m, pongFrame(msg[1], serverTime()));
  } else relayChat(m, msg[1], members, stats, serverTime);
}

/** Queues a player's Input and records the State it acknowledges. */
export function queueInput(inputs: InputQueue, input: InputFields): void {
  inputs.push(input);
  inputs.baseTick = input.baseTick;
}

/** The fields of a decoded Input message. */
function inputFields(msg: InputMsg): InputFields {
  return { seq: msg[1], keys: msg[2], aim: msg[3], baseTick: msg[4], viewTime: msg[5] };
}
