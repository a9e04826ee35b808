/** The scoreboard order of a world's players. */
import { type RosterEntry, RosterFlag } from '../../protocol/index.js';
import type { World } from './world.js';

/** Players as roster entries (with team and RosterFlag.Bot), best first: most kills, then fewest deaths, then earliest joined. */
export function standings(world: World): RosterEntry[] {
  const rows = [...world.players.values()].map((p, order) => ({ p, order }));
  rows.sort((a, b) => b.p.kills - a.p.kills || a.p.deaths - b.p.deaths || a.order - b.order);
  return rows.map(({ p }) => [p.id, p.name, p.kills, p.deaths, p.team, p.bot ? RosterFlag.Bot : 0] as const);
}
