import { describe, expect, it } from 'vitest';
import {
  BOT_NAMES,
  BOT_VIEW_HALF_HEIGHT_PX,
  BOT_VIEW_HALF_WIDTH_PX,
  botViewOf,
  pickBotName,
} from '../../game-server/bots/index.js';
import { addPlayer, createWorld, type World } from '../../game-server/sim/index.js';
import { cleanText, MAX_NAME_LENGTH, RoundPhase } from '../../protocol/index.js';
import { openArena } from '../helpers/sim.js';

const open = openArena([{ x: 1500, y: 1500 }], 3000, 3000);

function worldWith(others: readonly [number, number][]): World {
  const world = createWorld({ tickHz: 30, seed: 1, arena: open });
  const me = addPlayer(world, 1, 'bot');
  [me.x, me.y, me.hp] = [1500, 1500, 60];
  others.forEach(([x, y], k) => {
    const p = addPlayer(world, k + 2, `p${k}`);
    [p.x, p.y] = [x, y];
  });
  return world;
}

describe('botViewOf', () => {
  it.each<[string, number, number, boolean]>([
    ['next to it', 1520, 1500, true],
    ['right edge of the screen', 1500 + BOT_VIEW_HALF_WIDTH_PX, 1500, true],
    ['just off the right edge', 1501 + BOT_VIEW_HALF_WIDTH_PX, 1500, false],
    ['bottom edge', 1500, 1500 + BOT_VIEW_HALF_HEIGHT_PX, true],
    ['just below the screen (closer than the side edge)', 1500, 1501 + BOT_VIEW_HALF_HEIGHT_PX, false],
    ['far away', 2900, 2900, false],
  ])('an enemy %s is seen: %s', (_, x, y, seen) => {
    const v = botViewOf(worldWith([[x, y]]), 1)!;
    expect(v.enemies.map((e) => e.id)).toEqual(seen ? [2] : []);
  });

  it('shows its own state and nothing hidden', () => {
    const v = botViewOf(worldWith([[1600, 1500]]), 1)!;
    expect(v.self).toMatchObject({ id: 1, x: 1500, y: 1500, hp: 60, alive: true });
    expect(Object.keys(v.enemies[0]!).sort()).toEqual(['id', 'x', 'y']);
    expect(v.playing).toBe(true);
    expect(v.tickHz).toBe(30);
  });

  it('leaves out dead players, teammates, and reports the intermission', () => {
    const world = worldWith([
      [1600, 1500],
      [1400, 1500],
      [1500, 1600],
    ]);
    world.players.get(2)!.alive = false;
    const teams = new Map([
      [1, 1],
      [2, 2],
      [3, 1],
      [4, 2],
    ]);
    expect(botViewOf(world, 1, (id) => teams.get(id))!.enemies.map((e) => e.id)).toEqual([4]);
    world.round.phase = RoundPhase.Intermission;
    expect(botViewOf(world, 1)!.playing).toBe(false);
    expect(botViewOf(world, 99)).toBeUndefined();
  });
});

describe('bot names', () => {
  it('are unique, valid player names', () => {
    expect(new Set(BOT_NAMES.map((n) => n.toLowerCase())).size).toBe(BOT_NAMES.length);
    for (const n of BOT_NAMES) expect(cleanText(n, MAX_NAME_LENGTH)).toEqual({ ok: true, text: n });
  });

  it.each<[string, string[], number, string]>([
    ['first pick', [], 0, BOT_NAMES[0]!],
    ['skips a taken name (any case)', [BOT_NAMES[0]!.toUpperCase()], 0, BOT_NAMES[1]!],
    ['wraps around', [BOT_NAMES.at(-1)!], 0.9999, BOT_NAMES[0]!],
    ['numbers when all are taken', [...BOT_NAMES], 0, `${BOT_NAMES[0]!.slice(0, MAX_NAME_LENGTH - 4)} 2`],
  ])('%s', (_, taken, r, name) => {
    expect(pickBotName(taken, r)).toBe(name);
  });

  it('numbered names stay valid', () => {
    for (const [k] of BOT_NAMES.entries()) {
      const name = pickBotName([...BOT_NAMES], k / BOT_NAMES.length);
      expect(cleanText(name, MAX_NAME_LENGTH).ok).toBe(true);
    }
  });
});
