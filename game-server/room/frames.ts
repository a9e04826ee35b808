/** Encoders of the server frames a room sends, each built once and shared by every recipient. */
import {
  encode,
  type GameEvent,
  GameMode,
  type GameModeCode,
  type NoticeCodeValue,
  PROTOCOL_VERSION,
  Role,
  type RoleCode,
  type RosterEntry,
  ServerMsg,
} from '../../protocol/index.js';

/** Fields of a Welcome frame. */
export interface WelcomeFields {
  readonly playerId: number;
  readonly code: string;
  readonly roomName: string;
  readonly tickHz: number;
  readonly snapshotHz: number;
  readonly maxPlayers: number;
  readonly serverTime: number;
  readonly arenaId: number;
  readonly mode?: GameModeCode;
  readonly role?: RoleCode;
  readonly resumeToken?: string;
}

/** [1, version, playerId, code, roomName, tickHz, snapshotHz, maxPlayers, serverTime, arenaId, mode, role, token]. */
export function welcomeFrame(w: WelcomeFields): Uint8Array {
  return encode([
    ServerMsg.Welcome,
    PROTOCOL_VERSION,
    w.playerId,
    w.code,
    w.roomName,
    w.tickHz,
    w.snapshotHz,
    w.maxPlayers,
    w.serverTime,
    w.arenaId,
    w.mode ?? GameMode.FreeForAll,
    w.role ?? Role.Player,
    w.resumeToken ?? '',
  ]);
}

/** [6, standings]. */
export function rosterFrame(entries: readonly RosterEntry[]): Uint8Array {
  return encode([ServerMsg.Roster, entries]);
}

/** [9, [playerId, rttMs, ...]]. */
export function pingsFrame(pings: readonly number[]): Uint8Array {
  return encode([ServerMsg.Pings, pings]);
}

/** [5, tick, events]. */
export function eventFrame(tick: number, events: readonly GameEvent[]): Uint8Array {
  return encode([ServerMsg.Event, tick, events]);
}

/** [3, fromId, fromName, text, serverTime]. */
export function chatFrame(fromId: number, fromName: string, text: string, serverTime: number): Uint8Array {
  return encode([ServerMsg.Chat, fromId, fromName, text, serverTime]);
}

/** [4, clientTime, serverTime]. */
export function pongFrame(clientTime: number, serverTime: number): Uint8Array {
  return encode([ServerMsg.Pong, clientTime, serverTime]);
}

/** [7, code, text]. */
export function noticeFrame(code: NoticeCodeValue, text: string): Uint8Array {
  return encode([ServerMsg.Notice, code, text]);
}
