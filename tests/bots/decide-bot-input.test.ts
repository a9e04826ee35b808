import { describe, expect, it } from 'vitest';
import {
  BOT_SKILLS,
  type BotBrain,
  type BotDifficulty,
  type BotView,
  createBotBrain,
  decideBotInput,
  type SeenPlayer,
} from '../../game-server/bots/index.js';
import { type Arena, angleFromWire, Key, type Wall } from '../../protocol/index.js';
import { openArena } from '../helpers/sim.js';

const HZ = 30;
const open = openArena([{ x: 100, y: 100 }]);
const blocker: Wall = { x: 1150, y: 900, w: 40, h: 200 };
const walled: Arena = { ...open, walls: [blocker] };

function view(enemies: readonly SeenPlayer[], arena: Arena = open, hp = 100): BotView {
  return {
    tickHz: HZ,
    playing: true,
    self: { id: 1, x: 1000, y: 1000, hp, alive: true, aimRad: 0 },
    enemies,
    arena,
  };
}

/** Runs a bot for `ticks` ticks on a fixed view; returns every input and the final brain. */
function run(brain: BotBrain, v: BotView, ticks: number) {
  const inputs = [];
  let b = brain;
  for (let tick = 1; tick <= ticks; tick += 1) {
    const d = decideBotInput(b, v, tick);
    b = d.brain;
    inputs.push(d.input);
  }
  return { inputs, brain: b };
}

const angleError = (aim: number, x: number, y: number) => {
  const err = angleFromWire(aim) - Math.atan2(y - 1000, x - 1000);
  return Math.abs(Math.atan2(Math.sin(err), Math.cos(err)));
};
const fires = (keys: number) => (keys & Key.Fire) !== 0;
const reactionTicks = (d: BotDifficulty) => Math.round((BOT_SKILLS[d].reactionMs * HZ) / 1000);

describe('decideBotInput', () => {
  it.each<[string, SeenPlayer, Arena, boolean]>([
    ['clear line to the right', { id: 2, x: 1300, y: 1000 }, open, true],
    ['clear line diagonally', { id: 2, x: 800, y: 1200 }, open, true],
    ['clear line behind', { id: 2, x: 700, y: 990 }, open, true],
    ['wall in between', { id: 2, x: 1300, y: 1000 }, walled, false],
  ])('%s: fires=%s, never before the reaction delay', (_, enemy, arena, shouldFire) => {
    for (const difficulty of ['easy', 'normal', 'hard'] as const) {
      const { inputs } = run(createBotBrain(difficulty, 7), view([enemy], arena), 90);
      const firstShot = inputs.findIndex((i) => fires(i.keys));
      if (!shouldFire) {
        expect(firstShot, difficulty).toBe(-1);
        continue;
      }
      expect(firstShot, difficulty).toBeGreaterThanOrEqual(reactionTicks(difficulty));
      for (const i of inputs.slice(60)) expect(angleError(i.aim, enemy.x, enemy.y)).toBeLessThan(0.6);
    }
  });

  it('produces increasing seqs like a client', () => {
    const { inputs } = run(createBotBrain('normal', 1), view([]), 20);
    expect(inputs.map((i) => i.seq)).toEqual(Array.from({ length: 20 }, (_, k) => k + 1));
  });

  it('moves when no enemy is visible', () => {
    const { inputs } = run(createBotBrain('normal', 3), view([]), 30);
    for (const i of inputs) {
      expect(i.keys & (Key.Up | Key.Down | Key.Left | Key.Right)).not.toBe(0);
      expect(fires(i.keys)).toBe(false);
    }
  });

  it.each<[string, number, number]>([
    ['closes in on a far enemy', 1600, Key.Right],
    ['backs off from a close enemy', 1080, Key.Left],
  ])('%s', (_, x, key) => {
    // A fixed view means the bot never moves, so only the ticks before it feels blocked count.
    const { inputs } = run(createBotBrain('hard', 5), view([{ id: 2, x, y: 1000 }]), 3);
    expect(inputs.every((i) => (i.keys & key) !== 0)).toBe(true);
  });

  it('does nothing while dead or between rounds', () => {
    const dead: BotView = {
      ...view([{ id: 2, x: 1200, y: 1000 }]),
      self: { ...view([]).self, alive: false },
    };
    const paused: BotView = { ...view([{ id: 2, x: 1200, y: 1000 }]), playing: false };
    for (const v of [dead, paused])
      expect(run(createBotBrain('hard', 1), v, 30).inputs.every((i) => i.keys === 0)).toBe(true);
  });

  it('limits how fast the aim turns', () => {
    const { inputs } = run(createBotBrain('easy', 2), view([{ id: 2, x: 700, y: 1000 }]), 3);
    const maxStep = BOT_SKILLS.easy.turnRateRadS / HZ;
    expect(Math.abs(angleFromWire(inputs[0]!.aim))).toBeLessThanOrEqual(maxStep + 0.001);
    expect(Math.abs(angleFromWire(inputs[2]!.aim))).toBeLessThanOrEqual(3 * maxStep + 0.001);
  });

  it("an easy bot's mean aim error is larger than a normal one's, and that larger than a hard one's", () => {
    const meanError = (difficulty: BotDifficulty) => {
      let sum = 0;
      let n = 0;
      for (let seed = 1; seed <= 40; seed += 1) {
        const { inputs } = run(createBotBrain(difficulty, seed), view([{ id: 2, x: 1400, y: 1100 }]), 120);
        for (const i of inputs.slice(60)) {
          sum += angleError(i.aim, 1400, 1100);
          n += 1;
        }
      }
      return sum / n;
    };
    const [easy, normal, hard] = [meanError('easy'), meanError('normal'), meanError('hard')];
    expect(easy).toBeGreaterThan(normal);
    expect(normal).toBeGreaterThan(hard);
    expect(hard).toBeLessThan(0.06);
  });

  it('is deterministic: same seed, same inputs; another seed, other inputs', () => {
    const v = view([{ id: 2, x: 1300, y: 1150 }]);
    const a = run(createBotBrain('normal', 42), v, 200).inputs;
    expect(run(createBotBrain('normal', 42), v, 200).inputs).toEqual(a);
    expect(run(createBotBrain('normal', 43), v, 200).inputs).not.toEqual(a);
  });

  it('never mutates the brain it is given', () => {
    const brain = Object.freeze(createBotBrain('hard', 9));
    expect(() => decideBotInput(brain, view([{ id: 2, x: 1200, y: 1000 }]), 1)).not.toThrow();
  });
});
