import { describe, expect, it } from 'vitest';
import {
  groupByTeam,
  mvpOf,
  rowsFromEntries,
  sortRows,
  teamTotals,
} from '../../game-client/render/standings.js';
import { type RosterEntry, RosterFlag, Team } from '../../protocol/index.js';

const entries: RosterEntry[] = [
  [1, 'Ada', 3, 2, Team.Red, 0],
  [2, 'Bot A', 5, 1, Team.Blue, RosterFlag.Bot],
  [3, 'Cy', 5, 4, Team.Red, RosterFlag.Away],
  [4, 'Bot B', 0, 3, Team.Blue, RosterFlag.Bot],
];

describe('standings', () => {
  const rows = rowsFromEntries(entries);

  it('reads team, bot and away flags from roster entries', () => {
    expect(rows[1]).toMatchObject({ id: 2, team: Team.Blue, bot: true, away: false });
    expect(rows[2]).toMatchObject({ id: 3, team: Team.Red, bot: false, away: true });
  });

  it('sorts by kills, then fewer deaths, then id', () => {
    expect(sortRows(rows).map((r) => r.id)).toEqual([2, 3, 1, 4]);
  });

  it('names the MVP, and nobody before the first kill', () => {
    expect(mvpOf(rows)).toBe(2);
    expect(mvpOf(rows.map((r) => ({ ...r, kills: 0 })))).toBeNull();
    expect(mvpOf([])).toBeNull();
  });

  it('totals teams in team deathmatch and nothing in free-for-all', () => {
    expect(teamTotals(rows)).toEqual([
      { team: Team.Red, kills: 8, deaths: 6, players: 2 },
      { team: Team.Blue, kills: 5, deaths: 4, players: 2 },
    ]);
    expect(teamTotals(rows.map((r) => ({ ...r, team: Team.None })))).toEqual([]);
  });

  it('groups Red before Blue, best first inside each', () => {
    expect(groupByTeam(rows).map((r) => r.id)).toEqual([3, 1, 2, 4]);
  });
});
