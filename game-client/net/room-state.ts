/** What the server told us about the room: Welcome's room info, the roster and the pickup points. */
import {
  type Arena,
  arenaById,
  GameMode,
  type GameModeCode,
  type PickupEntry,
  Role,
  type RoleCode,
  type RosterEntry,
  RosterFlag,
  Team,
  type TeamCode,
  type WelcomeMsg,
} from '../../protocol/index.js';

/** What Welcome told us about the room and ourselves. */
export interface RoomInfo {
  readonly playerId: number;
  readonly roomCode: string;
  readonly roomName: string;
  readonly tickHz: number;
  readonly snapshotHz: number;
  readonly maxPlayers: number;
  /** The arena the room is played in (from Welcome's arena id). */
  readonly arena: Arena;
  /** Free-for-all or team deathmatch (Welcome.mode). */
  readonly mode: GameModeCode;
  /** Player or spectator (Welcome.role); spectators send no input. */
  readonly role: RoleCode;
}

/** A roster row: name and score of one player. */
export interface RosterRow {
  readonly id: number;
  readonly name: string;
  readonly kills: number;
  readonly deaths: number;
  /** Team per protocol Team (0 in free-for-all). */
  readonly team: TeamCode;
  /** Run by the server (RosterFlag.Bot). */
  readonly bot: boolean;
  /** Connection lost, seat kept (RosterFlag.Away). */
  readonly away: boolean;
}

/** Reads the room info out of a Welcome (older servers omit arena, mode and role). */
export function roomInfoFromWelcome(m: WelcomeMsg): RoomInfo {
  const [, , playerId, roomCode, roomName, tickHz, snapshotHz, maxPlayers] = m;
  const arena = arenaById(m[9]);
  const mode = m[10] ?? GameMode.FreeForAll;
  const role = m[11] ?? Role.Player;
  return { playerId, roomCode, roomName, tickHz, snapshotHz, maxPlayers, arena, mode, role };
}

/** Turns one wire roster entry into a row. */
export function rosterRowFromEntry([id, name, kills, deaths, team, flags]: RosterEntry): RosterRow {
  const f = flags ?? 0;
  return {
    id,
    name,
    kills,
    deaths,
    team: team ?? Team.None,
    bot: (f & RosterFlag.Bot) !== 0,
    away: (f & RosterFlag.Away) !== 0,
  };
}

/** The room as last described by the server: info, roster (in server order) and pickups. */
export class RoomState {
  /** Room and identity once welcomed, else null. */
  info: RoomInfo | null = null;
  private readonly rows = new Map<number, RosterRow>();
  private rowList: readonly RosterRow[] = [];
  private pickupList: readonly PickupEntry[] = [];

  /** Takes the room info from a Welcome and returns it. */
  welcome(m: WelcomeMsg): RoomInfo {
    this.info = roomInfoFromWelcome(m);
    return this.info;
  }

  /** Replaces the roster with `entries` and returns the new rows. */
  setRoster(entries: readonly RosterEntry[]): readonly RosterRow[] {
    this.rows.clear();
    for (const e of entries) this.rows.set(e[0], rosterRowFromEntry(e));
    this.rowList = [...this.rows.values()];
    return this.rowList;
  }

  /** The current roster, in server order; the same array until the roster changes. */
  get roster(): readonly RosterRow[] {
    return this.rowList;
  }

  /** Looks up a player's roster row (undefined if unknown). */
  rowOf(id: number): RosterRow | undefined {
    return this.rows.get(id);
  }

  /** Looks up a player's name (empty if unknown). */
  nameOf(id: number): string {
    return this.rows.get(id)?.name ?? '';
  }

  /** Looks up a player's team (Team.None if unknown or in free-for-all). */
  teamOf(id: number): TeamCode {
    return this.rows.get(id)?.team ?? Team.None;
  }

  /** Every pickup point as last sent (empty before any). */
  get pickups(): readonly PickupEntry[] {
    return this.pickupList;
  }

  /** Replaces the pickup points. */
  setPickups(list: readonly PickupEntry[]): void {
    this.pickupList = list;
  }
}
