/** Bot skill levels and the table of parameters each level plays with. */

/** How well a bot plays. */
export type BotDifficulty = 'easy' | 'normal' | 'hard';

/** Every difficulty, weakest first. */
export const BOT_DIFFICULTIES: readonly BotDifficulty[] = ['easy', 'normal', 'hard'];

/** What a difficulty changes: reflexes, aim and how it keeps its distance. Times in ms, angles in rad. */
export interface BotSkill {
  /** Delay between first seeing an enemy and shooting at it. */
  readonly reactionMs: number;
  /** Standard deviation of the aim error (gaussian), re-drawn every `aimJitterMs`. */
  readonly aimErrorRad: number;
  /** How often the aim error changes, like a hand that never holds perfectly still. */
  readonly aimJitterMs: number;
  /** Fastest the aim turns. */
  readonly turnRateRadS: number;
  /** Fires only when the aim is within this of the (erroneous) aim point. */
  readonly fireToleranceRad: number;
  /** Distance it tries to keep from its target. */
  readonly preferredDistancePx: number;
  /** How long it keeps one strafing direction while in range. */
  readonly strafeMs: number;
}

/** The skill table, tuned so easy bots miss often and hard ones rarely. */
export const BOT_SKILLS: Readonly<Record<BotDifficulty, BotSkill>> = Object.freeze({
  easy: {
    reactionMs: 650,
    aimErrorRad: 0.16,
    aimJitterMs: 500,
    turnRateRadS: 3.5,
    fireToleranceRad: 0.3,
    preferredDistancePx: 380,
    strafeMs: 1400,
  },
  normal: {
    reactionMs: 400,
    aimErrorRad: 0.08,
    aimJitterMs: 400,
    turnRateRadS: 6,
    fireToleranceRad: 0.2,
    preferredDistancePx: 330,
    strafeMs: 1000,
  },
  hard: {
    reactionMs: 230,
    aimErrorRad: 0.035,
    aimJitterMs: 300,
    turnRateRadS: 10,
    fireToleranceRad: 0.12,
    preferredDistancePx: 290,
    strafeMs: 700,
  },
});
