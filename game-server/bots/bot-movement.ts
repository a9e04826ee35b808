/** Where a bot wants to walk: keep its distance from a target, chase, search, or wander between waypoints. */
import type { BotBrain, BotPoint } from './bot-brain.js';
import type { BotSkill } from './bot-difficulty.js';
import type { BotView, SeenPlayer } from './bot-view.js';
import { pickWaypoint } from './waypoints.js';

/** Close enough to a waypoint or last-seen spot to call it reached. */
export const ARRIVE_PX = 48;
/** Half-width of the band around the preferred distance in which the bot only strafes. */
export const DISTANCE_BAND_PX = 70;
/** Below this hp a bot keeps half as far again from its target. */
export const LOW_HP = 40;

/** A wished direction (not normalised; zero length means stand still) and the navigation state it used. */
export interface MoveWish {
  readonly dx: number;
  readonly dy: number;
  readonly rng: number;
  readonly waypoint: BotPoint | null;
  readonly lastSeen: BotPoint | null;
}

/** Fight movement: close in or back off toward the preferred distance, strafing while in the band. */
function fightDirection(view: BotView, target: SeenPlayer, skill: BotSkill, strafeSign: number): BotPoint {
  const { self } = view;
  const tx = target.x - self.x;
  const ty = target.y - self.y;
  const d = Math.hypot(tx, ty) || 1;
  const preferred = skill.preferredDistancePx * (self.hp < LOW_HP ? 1.5 : 1);
  const radial = Math.max(-1, Math.min(1, (d - preferred) / DISTANCE_BAND_PX));
  const side = strafeSign * (1 - Math.abs(radial) * 0.6);
  return { x: (tx / d) * radial - (ty / d) * side, y: (ty / d) * radial + (tx / d) * side };
}

/**
 * The direction the bot wants to move this tick. `target` is the enemy being fought and `shootable`
 * whether a shot could reach it (otherwise the bot walks toward it to get a line).
 */
export function wishMove(
  brain: BotBrain,
  view: BotView,
  skill: BotSkill,
  target: SeenPlayer | undefined,
  shootable: boolean,
): MoveWish {
  const { self } = view;
  let { rng, waypoint, lastSeen } = brain;
  if (target && shootable) {
    const dir = fightDirection(view, target, skill, brain.strafeSign);
    return { dx: dir.x, dy: dir.y, rng, waypoint, lastSeen };
  }
  if (target) return { dx: target.x - self.x, dy: target.y - self.y, rng, waypoint, lastSeen };
  if (lastSeen && Math.hypot(lastSeen.x - self.x, lastSeen.y - self.y) <= ARRIVE_PX) lastSeen = null;
  if (lastSeen) return { dx: lastSeen.x - self.x, dy: lastSeen.y - self.y, rng, waypoint, lastSeen };
  if (!waypoint || Math.hypot(waypoint.x - self.x, waypoint.y - self.y) <= ARRIVE_PX) {
    [rng, waypoint] = pickWaypoint(rng, view.arena, self);
  }
  return { dx: waypoint.x - self.x, dy: waypoint.y - self.y, rng, waypoint, lastSeen: null };
}
