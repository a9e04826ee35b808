/** Message kinds, close codes and the typed shape of every message in both directions. */
import { MAX_REPORTED_RTT_MS } from './constants.js';
import type { EntityDelta } from './delta-encode.js';

/** Client -> server message kinds (first element of every client tuple). */
export const ClientMsg = { Input: 1, Chat: 2, Ping: 3 } as const;
export type ClientMsgKind = (typeof ClientMsg)[keyof typeof ClientMsg];

/** Server -> client message kinds (first element of every server tuple). */
export const ServerMsg = {
  Welcome: 1,
  State: 2,
  Chat: 3,
  Pong: 4,
  Event: 5,
  Roster: 6,
  Notice: 7,
  Pickups: 8,
  Pings: 9,
} as const;
export type ServerMsgKind = (typeof ServerMsg)[keyof typeof ServerMsg];

/** Game event kinds carried by ServerMsg.Event. */
export const EventKind = {
  Hit: 1,
  Kill: 2,
  Spawn: 3,
  RoundStart: 4,
  RoundEnd: 5,
  Joined: 6,
  Left: 7,
  PickupTaken: 8,
  Countdown: 9,
} as const;
export type EventKindCode = (typeof EventKind)[keyof typeof EventKind];

/** Round phases as sent in State. */
export const RoundPhase = { Playing: 1, Intermission: 2, Warmup: 3, Countdown: 4 } as const;
export type RoundPhaseCode = (typeof RoundPhase)[keyof typeof RoundPhase];

/** Bits of a player's `flags` in State (WirePlayer). */
export const PlayerFlag = { Alive: 1, Protected: 2, PoweredUp: 4 } as const;

/** Game modes a room is created with. */
export const GameMode = { FreeForAll: 1, TeamDeathmatch: 2 } as const;
export type GameModeCode = (typeof GameMode)[keyof typeof GameMode];

/** Teams: 0 in free-for-all, 1 or 2 in team deathmatch. */
export const Team = { None: 0, Red: 1, Blue: 2 } as const;
export type TeamCode = (typeof Team)[keyof typeof Team];

/** How a connection takes part in a room (Welcome.role). */
export const Role = { Player: 1, Spectator: 2 } as const;
export type RoleCode = (typeof Role)[keyof typeof Role];

/** Bits of RosterEntry.flags. */
export const RosterFlag = { Bot: 1, Away: 2 } as const;

/** Pickup kinds. */
export const PickupKind = { Health: 1, PowerUp: 2 } as const;
export type PickupKindCode = (typeof PickupKind)[keyof typeof PickupKind];

/**
 * WebSocket close codes. 1000/1001 are standard; 4000-4099 are Tickfire's own.
 * The close reason is a short machine word, optionally followed by ': ' and detail.
 */
export const CloseCode = {
  Normal: 1000,
  GoingAway: 1001,
  BadMessage: 4001,
  VersionMismatch: 4002,
  RateLimited: 4003,
  RoomFull: 4004,
  RoomNotFound: 4005,
  RoomClosed: 4006,
  Kicked: 4007,
  SlowConsumer: 4008,
  Replaced: 4009,
} as const;
export type CloseCodeValue = (typeof CloseCode)[keyof typeof CloseCode];

/**
 * Closes that end a seat for good (a deliberate leave, and the server's own refusals and removals):
 * no resume follows. Every other close (1001, 1005, 1006, 4008) keeps the seat for the grace period.
 */
export const SEAT_ENDING_CLOSE_CODES: ReadonlySet<number> = new Set([
  CloseCode.Normal,
  CloseCode.BadMessage,
  CloseCode.VersionMismatch,
  CloseCode.RateLimited,
  CloseCode.RoomFull,
  CloseCode.RoomNotFound,
  CloseCode.RoomClosed,
  CloseCode.Kicked,
]);

/** Non-fatal notices the server may send (ServerMsg.Notice). */
export const NoticeCode = { ChatRateLimited: 1, ChatRejected: 2 } as const;
export type NoticeCodeValue = (typeof NoticeCode)[keyof typeof NoticeCode];

// ---- client -> server ----

/**
 * [1, seq, keys, aim, baseTick, viewTime]: held keys and aim (1/ANGLE_SCALE rad, within +-PI) for
 * input seq (1, 2, 3, ...); baseTick is the tick of the newest State the client has received (0 if
 * none), viewTime the server time (ms) at which the client was showing other players when it sampled
 * this input (0 if unknown).
 */
export type InputMsg = readonly [
  kind: typeof ClientMsg.Input,
  seq: number,
  keys: number,
  aim: number,
  baseTick: number,
  viewTime: number,
];
/** [2, text]: a chat line for the room. */
export type ChatMsg = readonly [kind: typeof ClientMsg.Chat, text: string];
/**
 * [3, clientTime, rttMs]: clientTime is echoed back in Pong; rttMs is the client's current estimate of
 * its round-trip time (whole ms, 0 until it has one), shown to the room in Pings.
 */
export type PingMsg = readonly [kind: typeof ClientMsg.Ping, clientTime: number, rttMs: number];

/** A round-trip estimate (ms, 0 if none) as Ping's rttMs: whole ms, at least 1 once measured, at most 9999. */
export function rttToWire(ms: number): number {
  if (!(ms > 0)) return 0;
  return Math.min(MAX_REPORTED_RTT_MS, Math.max(1, Math.round(ms)));
}
export type ClientMessage = InputMsg | ChatMsg | PingMsg;

// ---- server -> client ----

/**
 * [1, version, playerId, roomCode, roomName, tickHz, snapshotHz, maxPlayers, serverTime, arenaId,
 * mode, role, resumeToken]: resumeToken ('' if none) lets this player take its seat back after a
 * dropped connection (handshake `resume=`); it is secret and changes on every resume.
 */
export type WelcomeMsg = readonly [
  kind: typeof ServerMsg.Welcome,
  version: number,
  playerId: number,
  roomCode: string,
  roomName: string,
  tickHz: number,
  snapshotHz: number,
  maxPlayers: number,
  serverTime: number,
  arenaId: number,
  mode: GameModeCode,
  role: RoleCode,
  resumeToken: string,
];

/** [phase, msLeft, roundNumber]. */
export type RoundSnapshot = readonly [phase: RoundPhaseCode, msLeft: number, roundNumber: number];

/**
 * [2, tick, time, ack, baseAge, players, projectiles, round]: a delta against the State of tick
 * `tick - baseAge` this client acknowledged (baseAge 0: against nothing, i.e. a full state); `ack` is
 * the last input seq applied for this player. Decode with applyStateMsg (PROTOCOL.md §4.2).
 */
export type StateMsg = readonly [
  kind: typeof ServerMsg.State,
  tick: number,
  time: number,
  ack: number,
  baseAge: number,
  players: EntityDelta,
  projectiles: EntityDelta,
  round: readonly number[],
];

/** [3, fromId, fromName, text, serverTime]: fromId 0 is the server itself. */
export type ServerChatMsg = readonly [
  kind: typeof ServerMsg.Chat,
  fromId: number,
  fromName: string,
  text: string,
  serverTime: number,
];
/** [4, clientTime, serverTime]. */
export type PongMsg = readonly [kind: typeof ServerMsg.Pong, clientTime: number, serverTime: number];

/** [playerId, name, kills, deaths, team, flags]: team per Team, flags per RosterFlag. */
export type RosterEntry = readonly [
  id: number,
  name: string,
  kills: number,
  deaths: number,
  team: TeamCode,
  flags: number,
];

/** [id, kind, x, y, available]: a pickup point (x, y in px); available 1 when it can be taken. */
export type PickupEntry = readonly [id: number, kind: PickupKindCode, x: number, y: number, available: 0 | 1];
/** [8, pickups]: every pickup point of the room, sent on join and whenever one changes. */
export type PickupsMsg = readonly [kind: typeof ServerMsg.Pickups, pickups: readonly PickupEntry[]];
/** [6, entries]: the full roster, sent on join and whenever it changes. */
export type RosterMsg = readonly [kind: typeof ServerMsg.Roster, entries: readonly RosterEntry[]];
/** [9, pings]: `[playerId, rttMs, playerId, rttMs, ...]`, each human player's reported round trip. */
export type PingsMsg = readonly [kind: typeof ServerMsg.Pings, pings: readonly number[]];
/** [7, code, text]. */
export type NoticeMsg = readonly [kind: typeof ServerMsg.Notice, code: NoticeCodeValue, text: string];

export type HitEvent = readonly [
  typeof EventKind.Hit,
  shooterId: number,
  victimId: number,
  damage: number,
  hpLeft: number,
];
export type KillEvent = readonly [typeof EventKind.Kill, victimId: number, killerId: number];
export type SpawnEvent = readonly [typeof EventKind.Spawn, playerId: number, x: number, y: number];
export type RoundStartEvent = readonly [typeof EventKind.RoundStart, roundNumber: number, durationMs: number];
/** winnerId 0 means nobody (a draw, or an empty room). */
export type RoundEndEvent = readonly [
  typeof EventKind.RoundEnd,
  roundNumber: number,
  winnerId: number,
  standings: readonly RosterEntry[],
];
export type JoinedEvent = readonly [typeof EventKind.Joined, playerId: number, name: string];
export type LeftEvent = readonly [typeof EventKind.Left, playerId: number, name: string];
export type PickupTakenEvent = readonly [
  typeof EventKind.PickupTaken,
  playerId: number,
  pickupId: number,
  kind: PickupKindCode,
];
/** The next round starts in `msLeft` ms (sent when a countdown begins). */
export type CountdownEvent = readonly [typeof EventKind.Countdown, roundNumber: number, msLeft: number];
export type GameEvent =
  | HitEvent
  | KillEvent
  | SpawnEvent
  | RoundStartEvent
  | RoundEndEvent
  | JoinedEvent
  | LeftEvent
  | PickupTakenEvent
  | CountdownEvent;
/** [5, tick, events]: everything that happened in one tick, in order. */
export type EventMsg = readonly [kind: typeof ServerMsg.Event, tick: number, events: readonly GameEvent[]];

export type ServerMessage =
  | WelcomeMsg
  | StateMsg
  | ServerChatMsg
  | PongMsg
  | EventMsg
  | RosterMsg
  | NoticeMsg
  | PickupsMsg
  | PingsMsg;
