/** Noticing that a bot is pushing against something and trying sideways directions until it is free. */
import { PLAYER_SPEED_PX_S } from '../../protocol/index.js';
import type { BotBrain } from './bot-brain.js';
import { botRandom } from './bot-random.js';
import type { BotView } from './bot-view.js';

/** Moving less than this share of a full step counts as blocked for that tick. */
export const BLOCKED_STEP_RATIO = 0.25;
/** This many blocked ticks in a row (while wanting to move) make the bot take a detour. */
export const BLOCKED_TICKS = 3;
/** After this many detours toward one waypoint the bot gives up on it. */
export const GIVE_UP_DETOURS = 3;

/** The navigation part of a brain that unsticking reads and updates. */
export type UnstickState = Pick<
  BotBrain,
  'rng' | 'lastPos' | 'blockedTicks' | 'stuckCount' | 'detourRad' | 'detourUntilTick' | 'waypoint'
>;

/**
 * Updates the blocked-tick count of a bot that wants to move toward `wishRad` (null: standing still
 * on purpose). When blocked it detours perpendicular to its wish (random side) for 0.3 to 0.8 s;
 * after GIVE_UP_DETOURS detours it also drops its waypoint so a reachable one is picked.
 */
export function checkProgress(
  state: UnstickState,
  view: BotView,
  tick: number,
  wishRad: number | null,
): UnstickState {
  const { self, tickHz } = view;
  const lastPos = { x: self.x, y: self.y };
  const prev = state.lastPos;
  if (!prev || wishRad === null || tick < state.detourUntilTick)
    return { ...state, lastPos, blockedTicks: 0 };
  const moved = Math.hypot(self.x - prev.x, self.y - prev.y);
  const blocked = moved < (PLAYER_SPEED_PX_S / tickHz) * BLOCKED_STEP_RATIO;
  const blockedTicks = blocked ? state.blockedTicks + 1 : 0;
  if (blockedTicks < BLOCKED_TICKS) return { ...state, lastPos, blockedTicks };
  const [rng1, side] = botRandom(state.rng);
  const [rng2, length] = botRandom(rng1);
  const stuckCount = state.stuckCount + 1;
  const giveUp = stuckCount >= GIVE_UP_DETOURS;
  return {
    rng: rng2,
    lastPos,
    blockedTicks: 0,
    stuckCount: giveUp ? 0 : stuckCount,
    detourRad: wishRad + (side < 0.5 ? Math.PI / 2 : -Math.PI / 2),
    detourUntilTick: tick + Math.max(1, Math.round((0.3 + 0.5 * length) * tickHz)),
    waypoint: giveUp ? null : state.waypoint,
  };
}
