import { describe, expect, it } from 'vitest';
import { PredictedShots } from '../../game-client/net/predicted-shots.js';
import { addPlayer, createWorld, type SimInput, stepWorld } from '../../game-server/sim/index.js';
import {
  type Arena,
  angleToWire,
  Key,
  PLAYER_RADIUS_PX,
  PROJECTILE_RADIUS_PX,
  PROJECTILE_SPEED_PX_S,
  PROJECTILE_TTL_MS,
} from '../../protocol/index.js';

const TICK_HZ = 30;
const TICK_MS = 1000 / TICK_HZ;
/** An open arena with one wall 400 px right of the shooter's spot. */
const ARENA: Arena = {
  width: 2000,
  height: 2000,
  walls: [{ x: 700, y: 900, w: 40, h: 200 }],
  spawns: [{ x: 300, y: 1000 }],
};
const AT = { x: 300, y: 1000 };
const MUZZLE_PX = PLAYER_RADIUS_PX + PROJECTILE_RADIUS_PX + 1;

/** Feeds `n` inputs with `keys` and aim `rad` one tick apart, from `AT`; returns the times of the shots fired. */
function hold(shots: PredictedShots, n: number, keys: number, rad = 0, canFire = true): number[] {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const before = shots.fired;
    shots.onInput(keys, angleToWire(rad), AT, canFire, i * TICK_MS);
    if (shots.fired > before) times.push(i);
  }
  return times;
}

describe('PredictedShots', () => {
  it('fires at once with the server’s cadence, muzzle and velocity', () => {
    const shots = new PredictedShots(TICK_HZ, ARENA);
    const fired = hold(shots, 22, Key.Fire, Math.PI / 2);
    const world = createWorld({ tickHz: TICK_HZ, seed: 1, arena: ARENA });
    const p = addPlayer(world, 1, 'a');
    const serverShots: number[] = [];
    const seen = new Set<number>();
    let first: { x: number; y: number; vx: number; vy: number } | undefined;
    for (let i = 0; i < 22; i++) {
      [p.x, p.y] = [AT.x, AT.y];
      const input: SimInput = { seq: i + 1, keys: Key.Fire, aim: angleToWire(Math.PI / 2) };
      stepWorld(world, new Map([[1, input]]));
      for (const pr of world.projectiles) {
        if (seen.has(pr.id)) continue;
        seen.add(pr.id);
        serverShots.push(i);
        first ??= { x: pr.x, y: pr.y, vx: pr.vx, vy: pr.vy };
      }
    }
    expect(fired).toEqual(serverShots);
    expect(fired).toEqual([0, 7, 14, 21]);
    const [s] = shots.visible(21 * TICK_MS, []).slice(-1);
    expect(s).toMatchObject({ x: first!.x, y: first!.y, vx: first!.vx, vy: first!.vy });
    expect(s!.y).toBeCloseTo(AT.y + MUZZLE_PX, 6);
    expect(s!.vy).toBe(PROJECTILE_SPEED_PX_S);
  });

  it('does not fire without Fire, while it may not act, or before a position exists', () => {
    const shots = new PredictedShots(TICK_HZ, ARENA);
    expect(hold(shots, 10, Key.Right)).toEqual([]);
    expect(hold(shots, 10, Key.Fire, 0, false)).toEqual([]);
    shots.onInput(Key.Fire, 0, null, true, 0);
    expect(shots.fired).toBe(0);
  });

  it('flies straight at its speed and gives each shot its own negative id', () => {
    const shots = new PredictedShots(TICK_HZ, ARENA);
    shots.onInput(Key.Fire, angleToWire(-Math.PI / 2), AT, true, 1000);
    shots.onInput(0, 0, AT, true, 1000 + TICK_MS);
    for (let i = 0; i < 7; i++) shots.onInput(0, 0, AT, true, 1000);
    shots.onInput(Key.Fire, angleToWire(Math.PI), AT, true, 1100);
    const at = shots.visible(1200, []);
    expect(at.map((s) => s.id)).toEqual([-1, -2]);
    expect(at[0]!.y).toBeCloseTo(AT.y - MUZZLE_PX - PROJECTILE_SPEED_PX_S * 0.2, 6);
    expect(at[1]!.x).toBeCloseTo(AT.x - MUZZLE_PX - PROJECTILE_SPEED_PX_S * 0.1, 6);
  });

  it('ends at the first wall on its path, the arena’s edge, or the end of its lifetime', () => {
    const shots = new PredictedShots(TICK_HZ, ARENA);
    shots.onInput(Key.Fire, angleToWire(0), AT, true, 0);
    // The wall's face is at x = 700: the shot's edge reaches it after (700 - 4 - muzzle x) / speed.
    const wallMs = ((700 - PROJECTILE_RADIUS_PX - (AT.x + MUZZLE_PX)) / PROJECTILE_SPEED_PX_S) * 1000;
    expect(shots.visible(wallMs - 5, [])).toHaveLength(1);
    expect(shots.visible(wallMs + 5, [])).toHaveLength(0);

    // Flying left from x = 279 it leaves the arena (where the server drops it) after 310 ms.
    const left = new PredictedShots(TICK_HZ, ARENA);
    left.onInput(Key.Fire, angleToWire(Math.PI), AT, true, 0);
    const edgeMs = ((AT.x - MUZZLE_PX) / PROJECTILE_SPEED_PX_S) * 1000;
    expect(left.visible(edgeMs - 5, [])).toHaveLength(1);
    expect(left.visible(edgeMs + 5, [])).toHaveLength(0);

    // Down the long way (1000 px of floor) it outlives its 1.2 s (1080 px) only in a bigger arena.
    const big: Arena = { ...ARENA, height: 4000, walls: [] };
    const down = new PredictedShots(TICK_HZ, big);
    down.onInput(Key.Fire, angleToWire(Math.PI / 2), AT, true, 0);
    expect(down.visible(PROJECTILE_TTL_MS - 1, [])).toHaveLength(1);
    expect(down.visible(PROJECTILE_TTL_MS, [])).toHaveLength(0);
  });

  it('ends when it reaches a player as drawn, and stays gone', () => {
    const shots = new PredictedShots(TICK_HZ, ARENA);
    shots.onInput(Key.Fire, angleToWire(Math.PI / 2), AT, true, 0);
    const target = { x: AT.x, y: AT.y + 200 };
    // Reach is PLAYER_RADIUS_PX + PROJECTILE_RADIUS_PX = 20 px: at 150 ms the shot is 135 px out (43 px short).
    expect(shots.visible(150, [target])).toHaveLength(1);
    expect(shots.visible(200, [target])).toHaveLength(0);
    expect(shots.visible(210, [])).toHaveLength(0);
  });

  it('reset forgets the shots in flight and the cooldown', () => {
    const shots = new PredictedShots(TICK_HZ, ARENA);
    hold(shots, 2, Key.Fire);
    expect(shots.visible(10, [])).toHaveLength(1);
    shots.reset();
    expect(shots.visible(10, [])).toHaveLength(0);
    shots.onInput(Key.Fire, 0, AT, true, 20);
    expect(shots.fired).toBe(2);
  });
});
