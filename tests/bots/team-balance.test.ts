import { describe, expect, it } from 'vitest';
import {
  assignTeam,
  botToRemove,
  rebalance,
  type TeamMember,
  type TeamRoster,
} from '../../game-server/bots/index.js';

let order = 0;
const human = (id: number): TeamMember => ({ id, bot: false, joinOrder: ++order });
const bot = (id: number): TeamMember => ({ id, bot: true, joinOrder: ++order });
const team = (id: number, score: number, members: TeamMember[]): TeamRoster => ({ team: id, score, members });
const ids = (n: number, from: number) => Array.from({ length: n }, (_, k) => human(from + k));

describe('assignTeam', () => {
  it.each<[string, TeamRoster[], number | undefined]>([
    ['no teams', [], undefined],
    ['empty teams: the first', [team(1, 0, []), team(2, 0, [])], 1],
    ['the smaller team', [team(1, 0, ids(3, 10)), team(2, 0, ids(2, 20))], 2],
    ['smaller beats lower score', [team(1, 0, ids(3, 10)), team(2, 9, ids(2, 20))], 2],
    ['equal size: the lower score', [team(1, 5, ids(2, 10)), team(2, 3, ids(2, 20))], 2],
    ['equal size and score: the lower id', [team(2, 3, ids(2, 10)), team(1, 3, ids(2, 20))], 1],
    ['three teams', [team(1, 0, ids(2, 10)), team(2, 0, ids(1, 20)), team(3, 0, ids(2, 30))], 2],
  ])('%s', (_, teams, expected) => {
    expect(assignTeam(teams)).toBe(expected);
  });
});

describe('rebalance', () => {
  it.each<[string, TeamRoster[], { playerId: number; from: number; to: number }[]]>([
    ['balanced', [team(1, 0, ids(3, 10)), team(2, 0, ids(3, 20))], []],
    ['off by one is fine', [team(1, 0, ids(3, 10)), team(2, 0, ids(2, 20))], []],
    [
      'off by two: the latest joiner moves',
      [team(1, 0, ids(4, 10)), team(2, 0, ids(2, 20))],
      [{ playerId: 13, from: 1, to: 2 }],
    ],
    [
      'a bot moves before any human',
      [team(1, 0, [human(10), bot(11), human(12)]), team(2, 0, [])],
      [{ playerId: 11, from: 1, to: 2 }],
    ],
    [
      'off by four: two moves',
      [team(1, 0, ids(5, 10)), team(2, 0, ids(1, 20))],
      [
        { playerId: 14, from: 1, to: 2 },
        { playerId: 13, from: 1, to: 2 },
      ],
    ],
    [
      'three teams',
      [team(1, 0, ids(4, 10)), team(2, 0, ids(1, 20)), team(3, 0, ids(1, 30))],
      [
        { playerId: 13, from: 1, to: 2 },
        { playerId: 12, from: 1, to: 3 },
      ],
    ],
  ])('%s', (_, teams, moves) => {
    expect(rebalance(teams)).toEqual(moves);
  });

  it('leaves every team within one of the others', () => {
    const teams = [team(1, 0, ids(9, 100)), team(2, 0, ids(1, 200)), team(3, 0, [])];
    const moves = rebalance(teams);
    const sizes = new Map(teams.map((t) => [t.team, t.members.length]));
    for (const m of moves) {
      sizes.set(m.from, sizes.get(m.from)! - 1);
      sizes.set(m.to, sizes.get(m.to)! + 1);
    }
    expect(Math.max(...sizes.values()) - Math.min(...sizes.values())).toBeLessThanOrEqual(1);
    expect(teams[0]!.members).toHaveLength(9);
  });
});

describe('botToRemove', () => {
  it.each<[string, TeamRoster[], number | undefined]>([
    ['no bots', [team(1, 0, ids(2, 10)), team(2, 0, ids(2, 20))], undefined],
    [
      'the bot of the larger team',
      [team(1, 0, [human(10), bot(11)]), team(2, 0, [bot(20), bot(21), human(22)])],
      21,
    ],
    ['the only bot even on the smaller team', [team(1, 0, [human(10), bot(11)]), team(2, 0, ids(3, 20))], 11],
  ])('%s', (_, teams, expected) => {
    expect(botToRemove(teams)?.id).toBe(expected);
  });
});
