import { describe, expect, it } from 'vitest';
import {
  type BotBrain,
  type BotDifficulty,
  botViewOf,
  createBotBrain,
  decideBotInput,
} from '../../game-server/bots/index.js';
import { addPlayer, createWorld, type SimInput, stepWorld, type World } from '../../game-server/sim/index.js';
import { ARENA, EventKind, PLAYER_SPEED_PX_S } from '../../protocol/index.js';
import { openArena } from '../helpers/sim.js';

const HZ = 30;

/** Steps `world` for `ticks` ticks with every listed bot deciding from its own view; returns each bot's path length. */
function drive(world: World, brains: Map<number, BotBrain>, ticks: number, onEvent?: (kind: number) => void) {
  const travelled = new Map<number, number>([...brains.keys()].map((id) => [id, 0]));
  for (let t = 0; t < ticks; t += 1) {
    const inputs = new Map<number, SimInput>();
    for (const [id, brain] of brains) {
      const v = botViewOf(world, id);
      if (!v) continue;
      const d = decideBotInput(brain, v, world.tick + 1);
      brains.set(id, d.brain);
      inputs.set(id, d.input);
    }
    const before = new Map([...world.players].map(([id, p]) => [id, { x: p.x, y: p.y }]));
    for (const e of stepWorld(world, inputs)) onEvent?.(e[0]);
    for (const id of brains.keys()) {
      const p = world.players.get(id)!;
      const b = before.get(id)!;
      travelled.set(id, (travelled.get(id) ?? 0) + Math.hypot(p.x - b.x, p.y - b.y));
    }
  }
  return travelled;
}

// Every spawn, plus spots tucked into an L-shaped corner and against the centre block.
const starts = [
  ...ARENA.spawns,
  { x: 470, y: 470 },
  { x: 1530, y: 1530 },
  { x: 884, y: 1000 },
  { x: 1000, y: 1116 },
];

describe('a bot alone in the real arena', () => {
  it.each(starts.flatMap((s, i) => (['easy', 'hard'] as BotDifficulty[]).map((d) => [i, d, s] as const)))(
    'start #%i (%s) keeps moving and gets far from %o within 300 ticks',
    (i, difficulty, start) => {
      const world = createWorld({ tickHz: HZ, seed: 1 });
      const p = addPlayer(world, 1, 'bot');
      [p.x, p.y] = [start.x, start.y];
      const brains = new Map([[1, createBotBrain(difficulty, 100 + i)]]);
      let farthest = 0;
      let travelled = 0;
      for (let k = 0; k < 300; k += 1) {
        travelled += drive(world, brains, 1).get(1)!;
        farthest = Math.max(farthest, Math.hypot(p.x - start.x, p.y - start.y));
      }
      const max = (PLAYER_SPEED_PX_S * 300) / HZ;
      expect(travelled).toBeGreaterThan(max * 0.7);
      expect(farthest).toBeGreaterThan(400);
    },
  );

  it('visits several places over a longer run (no loops in one spot)', () => {
    const world = createWorld({ tickHz: HZ, seed: 3 });
    const p = addPlayer(world, 1, 'bot');
    const brains = new Map([[1, createBotBrain('normal', 5)]]);
    const cells = new Set<string>();
    for (let k = 0; k < 30; k += 1) {
      drive(world, brains, 30);
      cells.add(`${Math.floor(p.x / 250)},${Math.floor(p.y / 250)}`);
    }
    expect(cells.size).toBeGreaterThanOrEqual(6);
  });
});

describe('bots fighting in a real world', () => {
  it('two bots facing each other across an open field land hits and a kill', () => {
    const field = openArena(
      [
        { x: 300, y: 400 },
        { x: 900, y: 400 },
      ],
      1200,
      800,
    );
    const world = createWorld({ tickHz: HZ, seed: 2, arena: field });
    addPlayer(world, 1, 'a');
    addPlayer(world, 2, 'b');
    const brains = new Map([
      [1, createBotBrain('hard', 1)],
      [2, createBotBrain('normal', 2)],
    ]);
    const seen = new Map<number, number>();
    drive(world, brains, 20 * HZ, (k) => seen.set(k, (seen.get(k) ?? 0) + 1));
    expect(seen.get(EventKind.Hit) ?? 0).toBeGreaterThan(5);
    expect(seen.get(EventKind.Kill) ?? 0).toBeGreaterThan(0);
  });

  it('a full arena of bots plays deterministically', () => {
    const play = () => {
      const world = createWorld({ tickHz: HZ, seed: 9 });
      const brains = new Map<number, BotBrain>();
      for (let id = 1; id <= 6; id += 1) {
        addPlayer(world, id, `bot${id}`);
        brains.set(id, createBotBrain((['easy', 'normal', 'hard'] as const)[id % 3]!, id * 17));
      }
      let kills = 0;
      drive(world, brains, 40 * HZ, (k) => {
        if (k === EventKind.Kill) kills += 1;
      });
      return { kills, at: [...world.players.values()].map((p) => [p.x, p.y, p.hp, p.kills]) };
    };
    const a = play();
    expect(a.kills).toBeGreaterThan(0);
    expect(play()).toEqual(a);
  });
});
