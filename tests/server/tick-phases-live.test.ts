import { describe, expect, it } from 'vitest';
import { ServerMsg } from '../../protocol/index.js';
import { useHarness } from '../helpers/test-server.js';

const h = useHarness();

describe('tick phases on a real server', () => {
  it('with 4 phases the loop runs 4 passes per room tick and every room ticks at the tick rate', async () => {
    const server = await h.start({ tickPhases: 4 });
    const rooms = [0, 1].map(() => server.registry.create({ name: 'r', maxPlayers: 4, isPrivate: true }));
    const [ra, rb] = rooms;
    if (!ra || !rb) throw new Error('no rooms');
    const a = await h.connect(server, { name: 'a', room: { kind: 'code', code: ra.code } });
    const b = await h.connect(server, { name: 'b', room: { kind: 'code', code: rb.code } });
    await a.nextMessage(ServerMsg.Welcome);
    await b.nextMessage(ServerMsg.Welcome);
    const s0 = await a.nextState();
    const passes0 = server.loop.ticks;
    const t0ms = performance.now();
    const s1 = await a.nextState((s) => s.state.tick >= s0.state.tick + 20);
    const elapsedMs = performance.now() - t0ms;
    const passes = server.loop.ticks - passes0;
    const roomTicks = s1.state.tick - s0.state.tick;
    // 20 room ticks at 30 Hz are 667 ms; passes at the tick period instead of a quarter of it would
    // make them 2.7 s. The bounds leave room for a loaded machine.
    expect(elapsedMs).toBeGreaterThan(0.5 * roomTicks * (1000 / 30));
    expect(elapsedMs).toBeLessThan(2 * roomTicks * (1000 / 30));
    // Read when the States arrive, a pass or two after their own: 4 per room tick, give or take.
    expect(passes).toBeGreaterThanOrEqual(4 * roomTicks - 4);
    expect(passes).toBeLessThanOrEqual(4 * roomTicks + 4);
    // The other room (in another phase: a new room joins the emptiest) ticks at the same rate.
    // (Its States queued while the test read a's: start from the room's current tick.)
    const b0 = await b.nextState((s) => s.state.tick >= rb.world.tick);
    const b0ms = performance.now();
    const b1 = await b.nextState((s) => s.state.tick >= b0.state.tick + 20);
    const bElapsedMs = performance.now() - b0ms;
    const bTicks = b1.state.tick - b0.state.tick;
    expect(bElapsedMs).toBeGreaterThan(0.5 * bTicks * (1000 / 30));
    expect(bElapsedMs).toBeLessThan(2 * bTicks * (1000 / 30));
    expect(server.loop.skipped).toBe(0);
  });
});
