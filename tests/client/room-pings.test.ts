import { describe, expect, it } from 'vitest';
import { pingsById, RoomState } from '../../game-client/net/room-state.js';
import { pingLabel, rowsFromEntries } from '../../game-client/render/standings.js';
import { type RosterEntry, RosterFlag, Team } from '../../protocol/index.js';

const entries: RosterEntry[] = [
  [1, 'Ada', 3, 2, Team.None, 0],
  [2, 'Bot A', 5, 1, Team.None, RosterFlag.Bot],
  [3, 'Cy', 0, 0, Team.None, 0],
];

describe('pings on the roster', () => {
  it('puts each reported round trip on its row; a new array only when one changed', () => {
    const state = new RoomState();
    state.setRoster(entries);
    expect(state.roster.map((r) => r.pingMs)).toEqual([0, 0, 0]);
    const withPings = state.setPings([1, 42, 3, 180]);
    expect(withPings.map((r) => [r.id, r.pingMs])).toEqual([
      [1, 42],
      [2, 0],
      [3, 180],
    ]);
    expect(state.setPings([3, 180, 1, 42])).toBe(withPings);
    // A player left out of the next Pings is unknown again.
    expect(state.setPings([1, 40]).map((r) => r.pingMs)).toEqual([40, 0, 0]);
    // A Roster (scores changed) keeps the pings it knows.
    expect(state.setRoster(entries).map((r) => r.pingMs)).toEqual([40, 0, 0]);
  });

  it('ignores malformed pairs and a malformed frame instead of throwing', () => {
    expect([...pingsById([1, 20, 2.5, 30, 3, -1, 4, Number.NaN, 5])]).toEqual([[1, 20]]);
    expect(pingsById('garbage' as unknown as number[]).size).toBe(0);
    expect(pingsById(undefined as unknown as number[]).size).toBe(0);
  });

  it('round-end standings take each player’s ping as last reported', () => {
    const pings = new Map([[3, 77]]);
    expect(rowsFromEntries(entries, (id) => pings.get(id) ?? 0).map((r) => r.pingMs)).toEqual([0, 0, 77]);
  });

  it('labels the PING column: ms, BOT for bots, a dash while unknown', () => {
    expect(pingLabel({ bot: false, pingMs: 42 })).toBe('42');
    expect(pingLabel({ bot: true, pingMs: 0 })).toBe('BOT');
    expect(pingLabel({ bot: false, pingMs: 0 })).toBe('–');
  });
});
