import { describe, expect, it } from 'vitest';
import { ClientMsg, Key } from '../../protocol/index.js';
import { createFakeClient } from '../helpers/fake-client.js';
import { makeTestRoom } from '../helpers/room.js';
import { Decoder } from './state-decoder.js';

describe('delta State frames in a room', () => {
  it('reconstruct exactly the full state every tick, through skipped frames, stale and bogus acks, and baseline loss', () => {
    const { room } = makeTestRoom({ name: 'Delta room', maxPlayers: 8, seed: 11 });
    const a = createFakeClient();
    const ref = createFakeClient();
    const c = createFakeClient();
    room.join('a', a);
    room.join('ref', ref);
    room.join('c', c);
    const da = new Decoder(a);
    const dref = new Decoder(ref);
    let seq = 0;
    for (let t = 1; t <= 400; t++) {
      seq++;
      const keys = [Key.Right | Key.Fire, Key.Down, Key.Left | Key.Up | Key.Fire, 0][
        Math.floor(t / 25) % 4
      ] as number;
      // a acknowledges its newest State, except while it "stalls" (ticks 150..260: far past the ring).
      const stalled = t > 150 && t < 260;
      const base = stalled ? Math.min(da.latest, 150) : t % 7 === 0 ? da.latest + 3 : da.latest;
      room.receive(1, [ClientMsg.Input, seq, keys, (t * 97) % 3000, base, 0]);
      room.receive(2, [ClientMsg.Input, seq, Key.Up | Key.Fire, -(t * 31) % 3000, 0, 0]);
      room.receive(3, [ClientMsg.Input, seq, Key.Left, 100, 0, 0]);
      a.buffered = t % 11 < 3 ? 1 << 20 : 0; // skipped frames under backpressure
      room.tick();
      da.drain();
      dref.drain();
    }
    expect(room.stats.stateFramesSkipped).toBeGreaterThan(50);
    expect(dref.baseAges.every((x) => x === 0)).toBe(true);
    expect(da.baseAges.filter((x) => x > 0).length).toBeGreaterThan(150);
    expect(da.baseAges.filter((x) => x === 0).length).toBeGreaterThan(10); // after losing its baseline
    let compared = 0;
    let withShots = 0;
    for (const [tick, s] of da.states) {
      expect(s).toEqual(dref.states.get(tick));
      compared++;
      if (s.projectiles.length > 0) withShots++;
    }
    expect(compared).toBeGreaterThan(250);
    expect(withShots).toBeGreaterThan(50);
    // Per State tick one full body shared by every full frame, plus one delta body for a (the only
    // client that acks); ref receives every State, so it counts the State ticks.
    const { encodings, fullFrames, deltaFrames } = room.states.stats;
    expect(encodings).toBe(dref.states.size + deltaFrames);
    expect(encodings).toBeLessThan(fullFrames + deltaFrames);
  });
});
