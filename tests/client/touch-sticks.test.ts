import { describe, expect, it } from 'vitest';
import {
  AIM_DEAD_ZONE,
  FIRE_THRESHOLD,
  knobOffset,
  MOVE_DEAD_ZONE,
  mergeHeld,
  STICK_AT_REST,
  stickToAim,
  stickToKeys,
  stickVector,
} from '../../game-client/ui/touch-sticks.js';
import { Key } from '../../protocol/index.js';

const R = 50;
const at = (dx: number, dy: number) => stickVector(100, 100, 100 + dx, 100 + dy, R);

describe('stickVector', () => {
  it.each([
    [0, 0, 0, 0, 0],
    [25, 0, 0.5, 0, 0.5],
    [0, -50, 0, -1, 1],
    [200, 0, 1, 0, 1],
    [30, 40, 0.6, 0.8, 1],
  ])('offset (%f, %f) -> (%f, %f), magnitude %f', (dx, dy, x, y, m) => {
    const v = at(dx, dy);
    expect(v.x).toBeCloseTo(x);
    expect(v.y).toBeCloseTo(y);
    expect(v.magnitude).toBeCloseTo(m);
  });

  it.each([0, -5, Number.NaN])('a radius of %f gives a stick at rest', (r) => {
    expect(stickVector(0, 0, 10, 10, r)).toEqual(STICK_AT_REST);
  });

  it('is at rest for non-finite positions', () => {
    expect(stickVector(0, 0, Number.POSITIVE_INFINITY, 0, R)).toEqual(STICK_AT_REST);
  });
});

describe('stickToKeys', () => {
  it.each([
    ['right', 40, 0, Key.Right],
    ['down-right', 30, 30, Key.Right | Key.Down],
    ['down (y grows down)', 0, 40, Key.Down],
    ['down-left', -30, 30, Key.Down | Key.Left],
    ['left', -40, 0, Key.Left],
    ['up-left', -30, -30, Key.Up | Key.Left],
    ['up', 0, -40, Key.Up],
    ['up-right', 30, -30, Key.Up | Key.Right],
    ['mostly right (20 degrees)', 40, 14.6, Key.Right],
    ['mostly diagonal (25 degrees)', 40, 18.7, Key.Right | Key.Down],
    ['just inside the dead zone', MOVE_DEAD_ZONE * R - 1, 0, 0],
    ['at rest', 0, 0, 0],
  ])('%s', (_, dx, dy, keys) => {
    expect(stickToKeys(at(dx, dy))).toBe(keys);
  });

  it('never sets Fire or opposite directions', () => {
    for (let a = 0; a < 2 * Math.PI; a += 0.05) {
      const keys = stickToKeys(at(Math.cos(a) * 40, Math.sin(a) * 40));
      expect(keys & Key.Fire).toBe(0);
      expect((keys & Key.Up) !== 0 && (keys & Key.Down) !== 0).toBe(false);
      expect((keys & Key.Left) !== 0 && (keys & Key.Right) !== 0).toBe(false);
    }
  });
});

describe('stickToAim', () => {
  it.each([
    ['at rest keeps the aim, no fire', 0, 0, 1.2, { aimRad: 1.2, aiming: false, fire: false }],
    [
      'inside the dead zone keeps the aim',
      AIM_DEAD_ZONE * R - 1,
      0,
      1.2,
      { aimRad: 1.2, aiming: false, fire: false },
    ],
    ['a little push aims without firing', 20, 0, 1.2, { aimRad: 0, aiming: true, fire: false }],
    [
      'beyond the threshold fires',
      0,
      -(FIRE_THRESHOLD * R + 1),
      0,
      { aimRad: -Math.PI / 2, aiming: true, fire: true },
    ],
    ['full push left fires', -50, 0, 0, { aimRad: Math.PI, aiming: true, fire: true }],
  ])('%s', (_, dx, dy, previous, expected) => {
    const r = stickToAim(at(dx, dy), previous);
    expect(r.aimRad).toBeCloseTo(expected.aimRad);
    expect({ aiming: r.aiming, fire: r.fire }).toEqual({ aiming: expected.aiming, fire: expected.fire });
  });
});

describe('knobOffset and mergeHeld', () => {
  it('draws the knob at most a radius away', () => {
    expect(knobOffset(at(300, 400), R)).toEqual({ x: 30, y: 40 });
  });

  it.each([
    [
      'keyboard only',
      { keys: Key.Up, aimRad: 1 },
      { keys: 0, aimRad: 2, aiming: false },
      { keys: Key.Up, aimRad: 1 },
    ],
    [
      'touch aim wins while deflected',
      { keys: 0, aimRad: 1 },
      { keys: Key.Fire, aimRad: 2, aiming: true },
      { keys: Key.Fire, aimRad: 2 },
    ],
    [
      'keys combine',
      { keys: Key.Left, aimRad: 1 },
      { keys: Key.Up, aimRad: 2, aiming: false },
      { keys: Key.Left | Key.Up, aimRad: 1 },
    ],
  ])('%s', (_, pointer, touch, expected) => {
    expect(mergeHeld(pointer, touch)).toEqual(expected);
  });
});
