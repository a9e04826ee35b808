/** Team deathmatch in a room: the team a joining player gets, and the switches that rebalance teams. */
import { EventKind, type GameEvent, GameMode, Team, type TeamCode } from '../../protocol/index.js';
import { assignTeam, rebalance, type TeamRoster } from '../bots/index.js';
import { teamScore, type World } from '../sim/index.js';

/** Events after which teams may be rebalanced: everyone has just respawned for a new round. */
const REBALANCE_EVENTS: ReadonlySet<number> = new Set([EventKind.Countdown, EventKind.RoundStart]);

/** Both teams of `world` as the balancer sees them (ids grow with joins, so they are the join order). */
export function teamRosters(world: World): TeamRoster[] {
  return [Team.Red, Team.Blue].map((team) => ({
    team,
    score: teamScore(world, team),
    members: [...world.players.values()]
      .filter((p) => p.team === team)
      .map((p) => ({ id: p.id, bot: p.bot, joinOrder: p.id })),
  }));
}

/** The team for a player joining `world`: the smaller (then weaker) team in TDM, Team.None in FFA. */
export function teamForJoin(world: World): TeamCode {
  if (world.mode !== GameMode.TeamDeathmatch) return Team.None;
  return (assignTeam(teamRosters(world)) ?? Team.Red) as TeamCode;
}

/** The team of player `id` in TDM (undefined in FFA or when absent): bots ignore teammates with it. */
export function teamLookup(world: World): ((id: number) => number | undefined) | undefined {
  if (world.mode !== GameMode.TeamDeathmatch) return undefined;
  return (id) => world.players.get(id)?.team;
}

/** Evens the teams out (bots move first) and returns true if anyone switched; call between lives only. */
export function rebalanceTeams(world: World): boolean {
  if (world.mode !== GameMode.TeamDeathmatch) return false;
  const moves = rebalance(teamRosters(world));
  for (const m of moves) {
    const p = world.players.get(m.playerId);
    if (p) p.team = m.to as TeamCode;
  }
  return moves.length > 0;
}

/** Rebalances the teams if this tick's `events` started a new round (everyone has just respawned). */
export function rebalanceAfter(world: World, events: readonly GameEvent[]): void {
  if (events.some((e) => REBALANCE_EVENTS.has(e[0]))) rebalanceTeams(world);
}
