/** Pure scoreboard maths: ordering, the MVP, team totals, ping labels and rows from RoundEnd standings. */
import { type RosterEntry, Team, type TeamCode } from '../../protocol/index.js';
import { type RosterRow, rosterRowFromEntry } from '../net/room-state.js';

/** Kills and deaths of one team. */
export interface TeamTotal {
  readonly team: TeamCode;
  readonly kills: number;
  readonly deaths: number;
  readonly players: number;
}

/** Rows from protocol roster entries (RoundEnd standings, Roster), with each player's ping from `pingOf`. */
export function rowsFromEntries(
  entries: readonly RosterEntry[],
  pingOf: (id: number) => number = () => 0,
): RosterRow[] {
  return entries.map((e) => rosterRowFromEntry(e, pingOf(e[0])));
}

/** Best first: more kills, then fewer deaths, then lower id (stable across frames). */
export function sortRows(rows: readonly RosterRow[]): RosterRow[] {
  return [...rows].sort((a, b) => b.kills - a.kills || a.deaths - b.deaths || a.id - b.id);
}

/** The most valuable player: most kills, fewest deaths; null when nobody has a kill. */
export function mvpOf(rows: readonly RosterRow[]): number | null {
  const best = sortRows(rows)[0];
  return best && best.kills > 0 ? best.id : null;
}

/** Totals of the Red and Blue teams (in that order); empty in free-for-all. */
export function teamTotals(rows: readonly RosterRow[]): TeamTotal[] {
  if (!rows.some((r) => r.team !== Team.None)) return [];
  return [Team.Red, Team.Blue].map((team) => {
    const members = rows.filter((r) => r.team === team);
    return {
      team,
      kills: members.reduce((n, r) => n + r.kills, 0),
      deaths: members.reduce((n, r) => n + r.deaths, 0),
      players: members.length,
    };
  });
}

/** Rows for a team scoreboard: grouped Red then Blue (then unassigned), best first inside each group. */
export function groupByTeam(rows: readonly RosterRow[]): RosterRow[] {
  const order = (t: TeamCode) => (t === Team.Red ? 0 : t === Team.Blue ? 1 : 2);
  return sortRows(rows).sort((a, b) => order(a.team) - order(b.team));
}

/** What the PING column shows: whole ms, BOT for a bot, a dash before the player reported one. */
export function pingLabel(r: Pick<RosterRow, 'bot' | 'pingMs'>): string {
  if (r.bot) return 'BOT';
  return r.pingMs > 0 ? String(Math.round(r.pingMs)) : '–';
}
