/** One tick of a bot's thinking: from what it sees to the same input a player's client would send. */
import { angleToWire, Key, MAX_INPUT_SEQ } from '../../protocol/index.js';
import type { SimInput } from '../sim/index.js';
import type { BotBrain } from './bot-brain.js';
import { BOT_SKILLS } from './bot-difficulty.js';
import { wishMove } from './bot-movement.js';
import { botGaussian, botRandom } from './bot-random.js';
import { chooseTarget } from './bot-targeting.js';
import type { BotView } from './bot-view.js';
import { keysToward, turnToward, wrapAngle } from './steering.js';
import { checkProgress } from './unstick.js';

/** How long a lost target's last position stays worth checking. */
export const SEARCH_MS = 3000;

/** A decision: the brain to keep and the input to queue for this tick. */
export interface BotDecision {
  readonly brain: BotBrain;
  readonly input: SimInput;
}

/** A low-discrepancy sequence in [0, 1): alternating the two nearest key directions in this proportion follows a straight line. */
const ditherAt = (tick: number) => (tick * 0.618_033_988_75) % 1;
const ms = (v: number, tickHz: number) => Math.max(1, Math.round((v * tickHz) / 1000));

/**
 * Decides the bot's input for world tick `tick` from `view` alone (no hidden information): target
 * choice with a reaction delay, distance keeping, wandering with unsticking, aim with gaussian error
 * and a turn-rate limit, and firing only with a clear line to a target it has reacted to.
 */
export function decideBotInput(brain: BotBrain, view: BotView, tick: number): BotDecision {
  const skill = BOT_SKILLS[brain.difficulty];
  const seq = brain.seq >= MAX_INPUT_SEQ ? 1 : brain.seq + 1;
  const { self, tickHz } = view;
  if (!view.playing || !self.alive) {
    const idle: BotBrain = {
      ...brain,
      seq,
      targetId: 0,
      waypoint: null,
      lastSeen: null,
      lastPos: null,
      stuckCount: 0,
    };
    return { brain: idle, input: { seq, keys: 0, aim: angleToWire(brain.aimRad) } };
  }
  let b: BotBrain = { ...brain, seq };

  const choice = chooseTarget(view, b.targetId);
  const target = choice?.target;
  if (target && target.id !== b.targetId)
    b = { ...b, targetId: target.id, engageTick: tick + ms(skill.reactionMs, tickHz) };
  if (target)
    b = { ...b, lastSeen: { x: target.x, y: target.y }, lastSeenUntilTick: tick + ms(SEARCH_MS, tickHz) };
  else b = { ...b, targetId: 0 };
  if (b.lastSeen && tick >= b.lastSeenUntilTick) b = { ...b, lastSeen: null };
  const shootable = choice?.shootable ?? false;

  if (tick >= b.strafeUntilTick) {
    const [rng, r] = botRandom(b.rng);
    b = {
      ...b,
      rng,
      strafeSign: r < 0.5 ? -1 : 1,
      strafeUntilTick: tick + ms(skill.strafeMs * (0.6 + 0.8 * r), tickHz),
    };
  }
  const wish = wishMove(b, view, skill, target, shootable);
  const stuckCount = wish.waypoint === b.waypoint ? b.stuckCount : 0;
  b = { ...b, rng: wish.rng, waypoint: wish.waypoint, lastSeen: wish.lastSeen, stuckCount };
  const moving = wish.dx !== 0 || wish.dy !== 0;
  const wishRad = moving ? Math.atan2(wish.dy, wish.dx) : null;
  b = { ...b, ...checkProgress(b, view, tick, wishRad) };
  const moveRad = tick < b.detourUntilTick ? b.detourRad : wishRad;
  const keys = moveRad === null ? 0 : keysToward(Math.cos(moveRad), Math.sin(moveRad), ditherAt(tick));

  if (tick >= b.aimErrorUntilTick) {
    const [rng, g] = botGaussian(b.rng);
    b = {
      ...b,
      rng,
      aimErrorRad: g * skill.aimErrorRad,
      aimErrorUntilTick: tick + ms(skill.aimJitterMs, tickHz),
    };
  }
  const goalRad = target
    ? Math.atan2(target.y - self.y, target.x - self.x) + b.aimErrorRad
    : (moveRad ?? b.aimRad);
  const aimRad = turnToward(b.aimRad, goalRad, skill.turnRateRadS / tickHz);
  b = { ...b, aimRad };

  const onAim = Math.abs(wrapAngle(aimRad - goalRad)) <= skill.fireToleranceRad;
  const fire = target !== undefined && shootable && tick >= b.engageTick && onAim;
  return { brain: b, input: { seq, keys: keys | (fire ? Key.Fire : 0), aim: angleToWire(aimRad) } };
}
