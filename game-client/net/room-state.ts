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
  /** The round trip the player last reported (ms, from Pings); 0 when unknown (bots, not yet reported). */
  readonly pingMs: number;
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
export function rosterRowFromEntry(
  [id, name, kills, deaths, team, flags]: RosterEntry,
  pingMs = 0,
): RosterRow {
  const f = flags ?? 0;
  return {
    id,
    name,
    kills,
    deaths,
    team: team ?? Team.None,
    bot: (f & RosterFlag.Bot) !== 0,
    away: (f & RosterFlag.Away) !== 0,
    pingMs,
  };
}

/** The `[playerId, rttMs, ...]` pairs of a Pings frame by player id, keeping only well-formed pairs. */
export function pingsById(flat: readonly number[]): Map<number, number> {
  const out = new Map<number, number>();
  if (!Array.isArray(flat)) return out;
  for (let i = 0; i + 1 < flat.length; i += 2) {
    const id = flat[i];
    const ms = flat[i + 1];
    if (Number.isInteger(id) && typeof ms === 'number' && ms >= 0 && Number.isFinite(ms))
      out.set(id as number, ms);
  }
  return out;
}

/** The room as last described by the server: info, roster (in server order, with pings) and pickups. */
export class RoomState {
  /** Room and identity once welcomed, else null. */
  info: RoomInfo | null = null;
  private readonly rows = new Map<number, RosterRow>();
  private rowList: readonly RosterRow[] = [];
  private pickupList: readonly PickupEntry[] = [];
  private pings = new Map<number, number>();

  /** Takes the room info from a Welcome and returns it. */
  welcome(m: WelcomeMsg): RoomInfo {
    this.info = roomInfoFromWelcome(m);
    return this.info;
  }

  /** Replaces the roster with `entries` and returns the new rows. */
  setRoster(entries: readonly RosterEntry[]): readonly RosterRow[] {
    this.rows.clear();
    for (const e of entries) this.rows.set(e[0], rosterRowFromEntry(e, this.pings.get(e[0]) ?? 0));
    this.rowList = [...this.rows.values()];
    return this.rowList;
  }

  /**
   * Takes the round trips of a Pings frame (players it leaves out: unknown) into the rows; the roster
   * is a new array when a ping changed, the same one otherwise.
   */
  setPings(flat: readonly number[]): readonly RosterRow[] {
    this.pings = pingsById(flat);
    let changed = false;
    for (const [id, row] of this.rows) {
      const pingMs = this.pings.get(id) ?? 0;
      if (row.pingMs === pingMs) continue;
      this.rows.set(id, { ...row, pingMs });
      changed = true;
    }
    if (changed) this.rowList = [...this.rows.values()];
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
