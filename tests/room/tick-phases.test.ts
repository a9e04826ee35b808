import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../game-server/logger.js';
import { createMetrics } from '../../game-server/metrics.js';
import { createTickPass } from '../../game-server/net/server-tick.js';
import { createLoop } from '../../game-server/room/loop.js';
import type { Room } from '../../game-server/room/room.js';
import { makeTestRegistry } from '../helpers/room.js';

function registryWith(tickPhases: number, rooms: number) {
  const { registry } = makeTestRegistry({ maxRooms: 100, emptyTtlMs: 60_000, tickPhases });
  const ticked: Room[] = [];
  const add = (): Room => {
    const room = registry.create({ name: 'r', maxPlayers: 4, isPrivate: false });
    if (!room) throw new Error('no room');
    vi.spyOn(room, 'tick').mockImplementation(() => ticked.push(room));
    return room;
  };
  const made = Array.from({ length: rooms }, add);
  const fail = (): never => {
    throw new Error('a room failed');
  };
  /** The rooms phase `p` ticks, in order. */
  const phase = (p: number): Room[] => {
    ticked.length = 0;
    registry.tickPhase(p, fail);
    return [...ticked];
  };
  return { registry, made, add, phase, ticked };
}

describe('tick phases', () => {
  it('spread the rooms evenly, each room in exactly one phase', () => {
    const { made, phase } = registryWith(4, 10);
    const phases = [0, 1, 2, 3].map(phase);
    expect(phases.map((p) => p.length)).toEqual([3, 3, 2, 2]);
    const codes = phases.flat().map((r) => r.code);
    expect(new Set(codes).size).toBe(10);
    expect(codes.sort()).toEqual(made.map((r) => r.code).sort());
  });

  it('a closed room leaves its phase and the next room fills the emptiest one', () => {
    const { registry, add, phase } = registryWith(3, 6);
    const victim = phase(1)[0];
    if (!victim) throw new Error('phase 1 is empty');
    registry.close(victim.code, 1000, 'bye');
    expect(phase(1)).not.toContain(victim);
    expect([0, 1, 2].map((p) => phase(p).length)).toEqual([2, 1, 2]);
    const next = add();
    expect(phase(1)).toContain(next);
  });

  it('a failing room is reported and the rest of its phase still ticks', () => {
    const { registry, made } = registryWith(1, 3);
    const [a, b, c] = made;
    if (!a || !b || !c) throw new Error('rooms missing');
    vi.spyOn(b, 'tick').mockImplementation(() => {
      throw new Error('boom');
    });
    const failed: string[] = [];
    const costs: number[] = [];
    registry.tickPhase(
      0,
      (room) => failed.push(room.code),
      (ms) => costs.push(ms),
    );
    expect(failed).toEqual([b.code]);
    expect(costs).toHaveLength(3);
    expect(a.tick).toHaveBeenCalledTimes(1);
    expect(c.tick).toHaveBeenCalledTimes(1);
  });

  it('refuses a phase it does not have and a phase count below 1', () => {
    const { registry } = registryWith(2, 1);
    expect(() => registry.tickPhase(2, () => {})).toThrow(/no tick phase 2/);
    expect(() => makeTestRegistry({ tickPhases: 0 })).toThrow(/tickPhases/);
  });

  it('the server loop ticks every room once per tick period, one phase per pass, a pass every period / phases', () => {
    const phases = 4;
    const tickMs = 1000 / 30;
    const passMs = tickMs / phases;
    const { registry, made, ticked } = registryWith(phases, 9);
    let t = 0;
    const wakeAt: number[] = [];
    const passes: number[] = [];
    const pass = createTickPass({
      registry,
      log: createLogger({ logLevel: 'silent' }),
      metrics: createMetrics({ processMetrics: false }),
      tickMs,
      now: () => t,
      observe: (_allMs, roomMs) => passes.push(roomMs.length),
    });
    expect(pass.passMs).toBeCloseTo(passMs, 12);
    const loop = createLoop({
      tickMs: pass.passMs,
      now: () => t,
      onTick: (n) => pass.onTick(n),
      schedule: (_fn, ms) => wakeAt.push(t + ms),
      cancel: () => {},
    });
    loop.start();
    pass.started(loop);
    const periods = 5;
    for (let k = 1; k <= periods * phases; k++) {
      t = k * passMs + 0.5; // each wake a little late
      expect(loop.wake()).toBe(1);
    }
    expect(loop.skipped).toBe(0);
    // Each period: the 9 rooms in phases of 3, 2, 2, 2, and every room once.
    expect(passes).toEqual(Array.from({ length: periods }, () => [3, 2, 2, 2]).flat());
    for (const room of made) expect(room.tick).toHaveBeenCalledTimes(periods);
    for (let p = 0; p < periods; p++) expect(new Set(ticked.slice(p * 9, p * 9 + 9)).size).toBe(9);
    // The next pass is due one pass length later, not a whole tick.
    expect((wakeAt.at(-1) ?? 0) - t).toBe(Math.ceil(passMs - 0.5));
  });
});
