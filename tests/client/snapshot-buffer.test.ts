import { describe, expect, it } from 'vitest';
import { snapshotFromState } from '../../game-client/net/snapshot.js';
import { lerpAngle, SnapshotBuffer } from '../../game-client/net/snapshot-buffer.js';
import { PlayerFlag, POSITION_SCALE, RoundPhase, ServerMsg, type StateMsg } from '../../protocol/index.js';

const ALIVE = PlayerFlag.Alive;

/** A State with players given in px and wire angles. */
function state(
  tick: number,
  serverTime: number,
  players: [id: number, x: number, y: number, angle: number, flags?: number][],
): StateMsg {
  return [
    ServerMsg.State,
    tick,
    serverTime,
    0,
    0,
    [
      [],
      players.map(([id, x, y, a, flags]) => [
        id,
        x * POSITION_SCALE,
        y * POSITION_SCALE,
        a,
        100,
        flags ?? ALIVE,
        0,
        0,
      ]),
    ],
    [[], []],
    [7, RoundPhase.Playing, 60_000, 1],
  ];
}

const byId = (frame: ReturnType<SnapshotBuffer['sampleAt']>, id: number) =>
  frame?.players.find((p) => p.id === id);

describe('SnapshotBuffer', () => {
  it('interpolates exactly at the midpoint between two snapshots', () => {
    const b = new SnapshotBuffer({ interpolationDelayMs: 100 });
    b.push(snapshotFromState(state(1, 1000, [[1, 100, 200, 0]])));
    b.push(snapshotFromState(state(2, 1100, [[1, 140, 180, 1000]])));
    const p = byId(b.sampleAt(1050), 1);
    expect(p?.x).toBe(120);
    expect(p?.y).toBe(190);
    expect(p?.angle).toBeCloseTo(0.5, 12);
    // sample() applies the delay: serverNow 1150 draws time 1050.
    expect(byId(b.sample(1150), 1)?.x).toBe(120);
  });

  it('interpolates angles the short way round across +-PI', () => {
    const b = new SnapshotBuffer();
    b.push(snapshotFromState(state(1, 0, [[1, 0, 0, 3000]])));
    b.push(snapshotFromState(state(2, 100, [[1, 0, 0, -3000]])));
    const a = byId(b.sampleAt(50), 1)?.angle ?? 0;
    expect(Math.abs(a)).toBeCloseTo(Math.PI, 2);
    expect(lerpAngle(3, -3, 0.5)).toBeCloseTo(Math.PI, 1);
    expect(lerpAngle(-0.1, 0.1, 0.5)).toBeCloseTo(0, 12);
  });

  it('holds the oldest before the buffer; past the newest extrapolates for a bounded time, then holds', () => {
    const b = new SnapshotBuffer({ maxExtrapolateMs: 100 });
    b.push(snapshotFromState(state(1, 1000, [[1, 10, 10, 0]])));
    b.push(snapshotFromState(state(2, 1100, [[1, 20, 10, 0]])));
    expect(byId(b.sampleAt(500), 1)?.x).toBe(10);
    expect(b.sampleAt(1100)?.overrunMs).toBe(0);
    expect(byId(b.sampleAt(1150), 1)?.x).toBeCloseTo(25, 9);
    expect(b.sampleAt(1150)?.overrunMs).toBe(50);
    expect(byId(b.sampleAt(5000), 1)?.x).toBeCloseTo(30, 9);
    expect(b.sampleAt(5000)?.tick).toBe(2);
  });

  it('does not jump to the newest snapshot while older ones still surround the render time', () => {
    const b = new SnapshotBuffer();
    for (let i = 0; i < 5; i++) b.push(snapshotFromState(state(i, i * 100, [[1, i * 10, 0, 0]])));
    expect(byId(b.sampleAt(150), 1)?.x).toBe(15);
  });

  it('shows an appearing entity at its first position and drops a vanished one', () => {
    const b = new SnapshotBuffer();
    b.push(
      snapshotFromState(
        state(1, 0, [
          [1, 0, 0, 0],
          [3, 50, 50, 0],
        ]),
      ),
    );
    b.push(
      snapshotFromState(
        state(2, 100, [
          [1, 10, 0, 0],
          [2, 500, 500, 0],
        ]),
      ),
    );
    const f = b.sampleAt(50);
    expect(byId(f, 2)).toMatchObject({ x: 500, y: 500 });
    expect(byId(f, 3)).toBeUndefined();
    expect(byId(f, 1)?.x).toBe(5);
  });

  it('does not tween a respawn teleport or a death', () => {
    const b = new SnapshotBuffer();
    b.push(snapshotFromState(state(1, 0, [[1, 100, 100, 0, 0]])));
    b.push(snapshotFromState(state(2, 100, [[1, 1800, 1800, 0, ALIVE | PlayerFlag.Protected]])));
    const p = byId(b.sampleAt(50), 1);
    expect(p).toMatchObject({ x: 1800, y: 1800, alive: true, protected: true });
  });

  it('orders out-of-order snapshots and ignores duplicates', () => {
    const b = new SnapshotBuffer();
    b.push(snapshotFromState(state(2, 100, [[1, 10, 0, 0]])));
    b.push(snapshotFromState(state(1, 0, [[1, 0, 0, 0]])));
    b.push(snapshotFromState(state(2, 100, [[1, 99, 0, 0]])));
    expect(b.size).toBe(2);
    expect(byId(b.sampleAt(50), 1)?.x).toBe(5);
  });

  it('runs the round clock down from the older snapshot', () => {
    const b = new SnapshotBuffer();
    b.push(snapshotFromState(state(1, 0, [])));
    b.push(snapshotFromState(state(2, 100, [])));
    expect(b.sampleAt(40)?.round.msLeft).toBe(59_960);
  });

  it('returns nothing before any snapshot', () => {
    expect(new SnapshotBuffer().sample(0)).toBeUndefined();
  });
});
