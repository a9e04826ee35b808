import { describe, expect, it } from 'vitest';
import { ClientMsg, Key, ServerMsg, type WireState } from '../../protocol/index.js';
import { useHarness } from '../helpers/test-server.js';

const h = useHarness();

describe('delta State frames from a real server', () => {
  it('a client acking its newest State decodes deltas to exactly the full state a non-acking client gets', async () => {
    const server = await h.start();
    const a = await h.connect(server, { name: 'acker', room: { kind: 'quick' } });
    const [, , , code] = await a.nextMessage(ServerMsg.Welcome);
    const ref = await h.connect(server, { name: 'ref', room: { kind: 'code', code } });
    await ref.nextMessage(ServerMsg.Welcome);
    const mine = new Map<number, WireState>();
    const full = new Map<number, WireState>();
    let deltas = 0;
    for (let seq = 1; seq <= 45; seq++) {
      const keys = seq < 20 ? Key.Right | Key.Fire : Key.Down | Key.Left;
      // The last 10 inputs acknowledge a stale tick: the server must still use a baseline the client holds.
      const base = seq > 35 ? Math.max(0, a.latestTick - 40) : a.latestTick;
      a.send([ClientMsg.Input, seq, keys, seq * 50, base, 0]);
      ref.send([ClientMsg.Input, seq, Key.Up | Key.Fire, -seq * 40, 0, 0]);
      const s = await a.nextState();
      mine.set(s.state.tick, s.state);
      if (s.baseTick > 0) deltas++;
      const r = await ref.nextState((x) => x.state.tick >= s.state.tick);
      expect(r.baseTick).toBe(0);
      full.set(r.state.tick, r.state);
    }
    let compared = 0;
    for (const [tick, s] of mine) {
      const f = full.get(tick);
      if (!f) continue;
      expect(s).toEqual(f);
      compared++;
    }
    expect(deltas).toBeGreaterThan(20);
    expect(compared).toBeGreaterThan(30);
  });
});
