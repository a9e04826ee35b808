import { describe, expect, it } from 'vitest';
import type { Room } from '../../game-server/room/room.js';
import { SENT_WINDOW_TICKS } from '../../game-server/room/state-sender.js';
import {
  type BaselineRing,
  ClientMsg,
  Key,
  POSITION_SCALE,
  ServerMsg,
  type WireState,
} from '../../protocol/index.js';
import { createFakeClient, type FakeClient } from '../helpers/fake-client.js';
import { makeTestRoom } from '../helpers/room.js';
import { Decoder } from './state-decoder.js';

/** The ticks whose states the room ring holds now (StateSender's private ring, read for the test). */
function heldTicks(room: Room): number[] {
  const ring = (room.states as unknown as { states: BaselineRing<WireState> }).states;
  const held: number[] = [];
  for (let t = Math.max(1, room.world.tick - 200); t <= room.world.tick; t++) {
    if (ring.get(t) !== undefined) held.push(t);
  }
  return held;
}

/** Three players who all ack every State they decode; `skip(t, i)` puts player i under backpressure. */
function ackingRoom(opts: { spectator?: boolean; spectatorAcks?: boolean } = {}) {
  const { room } = makeTestRoom({ name: 'Pruning', maxPlayers: 8, seed: 5 });
  const clients: FakeClient[] = [createFakeClient(), createFakeClient(), createFakeClient()];
  for (const [i, c] of clients.entries()) room.join(`p${i}`, c);
  const spectator = createFakeClient();
  if (opts.spectator) expect(room.watch('sam', spectator).ok).toBe(true);
  const decoders = clients.map((c) => new Decoder(c));
  const watcher = new Decoder(spectator);
  let seq = 0;
  /** One tick: inputs acking each client's newest State, then the tick, then decoding. */
  const step = (t: number, skipped: (i: number) => boolean) => {
    seq++;
    for (const [i, d] of decoders.entries()) {
      const keys = [Key.Right | Key.Fire, Key.Down, Key.Left | Key.Up, Key.Up | Key.Fire][
        (Math.floor(t / 20) + i) % 4
      ] as number;
      room.receive(i + 1, [ClientMsg.Input, seq, keys, (t * 97 * (i + 1)) % 3000, d.latest, 0]);
      (clients[i] as FakeClient).buffered = skipped(i) ? 1 << 20 : 0;
    }
    // A spectator's Input carries only its acknowledgement (keys and aim are ignored).
    if (opts.spectatorAcks)
      room.receive(4, [ClientMsg.Input, seq, Key.Fire | Key.Right, 0, watcher.latest, 0]);
    room.tick();
    for (const d of decoders) d.drain();
    watcher.drain();
  };
  return { room, decoders, watcher, step };
}

describe('the room ring of states (pruning)', () => {
  it('keeps the baseline of a client skipped under backpressure: no full frame after joining, every frame decodes', () => {
    const { room, decoders, step } = ackingRoom();
    for (let t = 1; t <= 240; t++) step(t, (i) => i === 1 && t % 30 >= 20 && t % 30 < 25);
    expect(room.stats.stateFramesSkipped).toBe(8 * 5);
    const { fullFrames, deltaFrames } = room.states.stats;
    expect(fullFrames).toBe(3); // one per join
    expect(deltaFrames).toBe(3 * 240 - 40 - 3);
    // After each skip the skipped client's delta spans the gap: its baseline was kept.
    const ages = (decoders[1] as Decoder).baseAges;
    expect(ages.filter((a) => a === 6)).toHaveLength(8);
    // Every client decoded the same states (a room without interest management sends one state).
    for (const [tick, s] of (decoders[0] as Decoder).states) {
      expect((decoders[1] as Decoder).states.get(tick) ?? s).toEqual(s);
      expect((decoders[2] as Decoder).states.get(tick)).toEqual(s);
    }
  });

  it('drops the states no client may use any more, and holds a skipped client’s baseline until it acks again', () => {
    const { room, decoders, step } = ackingRoom();
    for (let t = 1; t <= 100; t++) step(t, () => false);
    // At tick 100 every client acked 99 (its claim with that tick's Input): the ring holds 99, and 98
    // until the next State drops it. 100 is the current state, not in the ring yet.
    expect(heldTicks(room)).toEqual([98, 99]);
    for (let t = 101; t <= 110; t++) step(t, (i) => i === 2);
    // The skipped client's ack (99) and everything newer is held; nothing older.
    const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);
    expect(heldTicks(room)).toEqual(range(99, 109));
    // It drains at 111, acking 100 with that tick's Input, and 111 with the next: the rest goes.
    for (let t = 111; t <= 113; t++) step(t, () => false);
    expect(heldTicks(room)).toEqual([111, 112]);
    expect((decoders[2] as Decoder).baseAges.slice(-3)).toEqual([11, 1, 1]);
    expect(room.states.stats.fullFrames).toBe(3);
  });

  it('a spectator that acknowledges gets deltas against its ack, decodes what the players decode, and moves nobody', () => {
    const { room, decoders, watcher, step } = ackingRoom({ spectator: true, spectatorAcks: true });
    const spawned = [...room.world.players.values()].map((p) => p.id);
    for (let t = 1; t <= 100; t++) step(t, () => false);
    // Only its first State is full; it acks a State with the next tick's Input, so each delta is one tick old.
    expect(watcher.baseAges[0]).toBe(0);
    expect(watcher.baseAges.slice(1).every((a) => a === 1)).toBe(true);
    expect(room.states.stats.fullFrames).toBe(3 + 1);
    for (const [tick, s] of (decoders[0] as Decoder).states) expect(watcher.states.get(tick)).toEqual(s);
    // Its Inputs moved no player and joined none, and its States' ack stays 0.
    expect([...room.world.players.values()].map((p) => p.id)).toEqual(spawned);
    expect(watcher.client.of(ServerMsg.State).every((m) => m[3] === 0)).toBe(true);
    // Under backpressure its baseline is held like a player's: it drains with a delta, not a full frame.
    watcher.client.buffered = 1 << 20;
    for (let t = 101; t <= 110; t++) step(t, () => false);
    watcher.client.buffered = 0;
    step(111, () => false);
    expect(watcher.baseAges.at(-1)).toBe(11);
    expect(room.states.stats.fullFrames).toBe(3 + 1);
  });

  it('a spectator that sends no Input gets full frames, and holds the states it may claim like any client yet to ack', () => {
    const { room, watcher, step } = ackingRoom({ spectator: true });
    for (let t = 1; t <= 100; t++) step(t, () => false);
    expect(watcher.baseAges).toHaveLength(100);
    expect(watcher.baseAges.every((a) => a === 0)).toBe(true);
    expect(room.states.stats.fullFrames).toBe(3 + 100);
    // Bounded by the window in which a claim is still accepted, counted from the State before the
    // newest (holdFor runs before a State is marked sent): ticks 38-99, where an acking room holds 2.
    const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => from + k);
    expect(heldTicks(room)).toEqual(range(99 - SENT_WINDOW_TICKS, 99));
  });

  it('writes each snapshot over a state the ring let go of, and every client still decodes the world as it was', () => {
    const { room, decoders, step } = ackingRoom();
    const latest = () => (room.states as unknown as { latest: WireState }).latest;
    const objects = new Set<WireState>();
    const truth = new Map<number, number[][]>();
    for (let t = 1; t <= 300; t++) {
      // Client 1 lags now and then (its baseline held for a while, then many states let go at once).
      step(t, (i) => i === 1 && t % 50 >= 30 && t % 50 < 45);
      objects.add(latest());
      const at = [...room.world.players.values()].map((p) => [
        p.id,
        Math.round(p.x * POSITION_SCALE),
        Math.round(p.y * POSITION_SCALE),
      ]);
      truth.set(room.world.tick, at);
    }
    // A fresh state for each state a lag holds (up to 4 spares are kept when it ends), not one per tick.
    expect(objects.size).toBeLessThan(100);
    // ... and never one a client may still use as its baseline: no full frame after the joins.
    expect(room.states.stats.fullFrames).toBe(3);
    for (const d of decoders) {
      expect(d.states.size).toBeGreaterThanOrEqual(300 - 6 * 15); // client 1 skipped 6 lags of 15
      for (const [tick, s] of d.states) {
        expect(
          s.players.map((p) => [p[0], p[1], p[2]]),
          `tick ${tick}`,
        ).toEqual(truth.get(tick));
      }
    }
  });
});
