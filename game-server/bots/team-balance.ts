/** Team deathmatch balancing: where a joining player goes, and who should switch after leaves. */

/** A player on a team, as the balancer needs to know it. */
export interface TeamMember {
  readonly id: number;
  readonly bot: boolean;
  /** Increases with every join; higher means joined later. */
  readonly joinOrder: number;
}

/** One team: its id, its score this round and its members. */
export interface TeamRoster {
  readonly team: number;
  readonly score: number;
  readonly members: readonly TeamMember[];
}

/** A suggested switch of one player from one team to another. */
export interface TeamMove {
  readonly playerId: number;
  readonly from: number;
  readonly to: number;
}

/** Teams ordered for joining: fewest members, then lowest score, then lowest id. */
function byNeed(a: TeamRoster, b: TeamRoster): number {
  return a.members.length - b.members.length || a.score - b.score || a.team - b.team;
}

/** The team a joining player should be put on (fewest members, then lowest score); undefined with no teams. */
export function assignTeam(teams: readonly TeamRoster[]): number | undefined {
  return [...teams].sort(byNeed)[0]?.team;
}

/** Who to move off a team first: a bot, else the player who joined last (least settled). */
function moveCandidate(members: readonly TeamMember[]): TeamMember | undefined {
  return [...members].sort((a, b) => Number(b.bot) - Number(a.bot) || b.joinOrder - a.joinOrder)[0];
}

/**
 * Switches that bring every team within one member of the others, fewest first: each moves a bot
 * (else the latest joiner) from the largest team to the one that needs players most.
 */
export function rebalance(teams: readonly TeamRoster[]): TeamMove[] {
  const work = teams.map((t) => ({ ...t, members: [...t.members] }));
  const moves: TeamMove[] = [];
  for (;;) {
    const sorted = [...work].sort(byNeed);
    const small = sorted[0];
    const large = sorted.reduce<(typeof work)[number] | undefined>(
      (best, t) => (!best || t.members.length > best.members.length ? t : best),
      undefined,
    );
    if (!small || !large || large.members.length - small.members.length <= 1) return moves;
    const who = moveCandidate(large.members);
    if (!who) return moves;
    large.members.splice(large.members.indexOf(who), 1);
    small.members.push(who);
    moves.push({ playerId: who.id, from: large.team, to: small.team });
  }
}

/** The bot to remove when a human joins a full room: one from the largest team that has a bot. */
export function botToRemove(teams: readonly TeamRoster[]): TeamMember | undefined {
  const withBots = teams.filter((t) => t.members.some((m) => m.bot));
  const largest = [...withBots].sort((a, b) => b.members.length - a.members.length || b.score - a.score)[0];
  return largest ? moveCandidate(largest.members.filter((m) => m.bot)) : undefined;
}
