/** Team rules of team deathmatch: who is friendly to whom, and each team's score. */
import { GameMode, Team, type TeamCode } from '../../protocol/index.js';
import type { World } from './world.js';

/** True when players `a` and `b` are teammates (friendly fire is off between them); never in free-for-all. */
export function areTeammates(world: World, a: number, b: number): boolean {
  if (world.mode !== GameMode.TeamDeathmatch) return false;
  const ta = world.players.get(a)?.team ?? Team.None;
  return ta !== Team.None && ta === world.players.get(b)?.team;
}

/** A team's score: the kills of its current players this round. */
export function teamScore(world: World, team: TeamCode): number {
  let n = 0;
  for (const p of world.players.values()) if (p.team === team) n += p.kills;
  return n;
}
