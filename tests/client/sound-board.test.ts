import { describe, expect, it } from 'vitest';
import { type GestureTarget, SoundBoard, UNLOCK_EVENTS } from '../../game-client/audio/sound-board.js';
import {
  isSoundName,
  SOUND_RECIPES,
  type SoundName,
  soundDurationS,
} from '../../game-client/audio/sound-recipes.js';
import { loadSettings, SETTINGS_KEY } from '../../game-client/ui/settings-store.js';
import { FakeAudioContext, type FakeNode, type FakeParam, FakeStorage } from '../helpers/fake-audio.js';

const ALL = Object.keys(SOUND_RECIPES) as SoundName[];

function board(ctx = new FakeAudioContext(), storage = new FakeStorage()) {
  let created = 0;
  const sounds = new SoundBoard({
    createContext: () => {
      created += 1;
      return ctx;
    },
    storage,
  });
  return { sounds, ctx, storage, created: () => created };
}

const gainOf = (n: FakeNode | undefined) => (n as unknown as { gain: FakeParam }).gain;

/** A fake window that keeps its listeners so a test can fire a gesture. */
class FakeTarget implements GestureTarget {
  readonly listeners = new Map<string, Set<() => void>>();
  addEventListener(type: string, listener: () => void): void {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(listener);
  }
  removeEventListener(type: string, listener: () => void): void {
    this.listeners.get(type)?.delete(listener);
  }
  fire(type: string): void {
    for (const l of [...(this.listeners.get(type) ?? [])]) l();
  }
  count(): number {
    return [...this.listeners.values()].reduce((n, s) => n + s.size, 0);
  }
}

describe('SoundBoard.play', () => {
  it.each(ALL)('%s schedules sources that start now and stop after the sound', (name) => {
    const { sounds, ctx } = board();
    expect(sounds.play(name)).toBe(true);
    const sources = ctx.nodes.filter((n) => n.kind === 'oscillator' || n.kind === 'buffer-source');
    expect(sources).toHaveLength(SOUND_RECIPES[name].length);
    for (const s of sources) {
      expect(s.startedAt).toBeGreaterThanOrEqual(ctx.currentTime);
      expect(s.stoppedAt).toBeGreaterThan(s.startedAt!);
      expect(s.stoppedAt).toBeLessThanOrEqual(ctx.currentTime + soundDurationS(name) + 0.05);
    }
  });

  it('routes everything through one master gain to the destination', () => {
    const { sounds, ctx } = board();
    sounds.play('shot');
    sounds.play('hit');
    const master = ctx.of('gain')[0]!;
    expect(master.connections).toEqual([ctx.destination]);
    expect(ctx.nodes.filter((n) => n.connections.includes(ctx.destination))).toEqual([master]);
  });

  it.each([
    [{}, 1, 0],
    [{ volume: 0.4 }, 0.4, 0],
    [{ volume: 3 }, 1, 0],
    [{ pan: -0.5 }, 1, -0.5],
    [{ pan: 9, volume: 0.5 }, 0.5, 1],
  ])('options %o play at volume %f and pan %f', (options, volume, pan) => {
    const { sounds, ctx } = board();
    sounds.play('click', options);
    expect(gainOf(ctx.of('gain')[1]).value).toBeCloseTo(volume);
    const panner = ctx.of('panner')[0] as unknown as { pan: FakeParam } | undefined;
    expect(panner?.pan.value ?? 0).toBe(pan);
  });

  it('plays centred where StereoPanner is missing', () => {
    const { sounds, ctx } = board(new FakeAudioContext('running', false));
    expect(sounds.play('hit', { pan: 1 })).toBe(true);
    expect(ctx.of('panner')).toHaveLength(0);
  });

  it('drops a repeat of the same sound within the minimum gap', () => {
    const { sounds, ctx } = board();
    expect(sounds.play('hit')).toBe(true);
    expect(sounds.play('hit')).toBe(false);
    expect(sounds.play('shot')).toBe(true);
    ctx.currentTime += 0.05;
    expect(sounds.play('hit')).toBe(true);
  });

  it('envelopes never ramp exponentially to zero (which throws in browsers)', () => {
    const { sounds } = board();
    for (const name of ALL) expect(() => sounds.play(name)).not.toThrow();
  });
});

describe('volume and mute', () => {
  it('starts from the saved settings and saves changes', () => {
    const storage = new FakeStorage();
    storage.items.set(SETTINGS_KEY, JSON.stringify({ volume: 0.2, muted: true, name: 'Ann' }));
    const { sounds, ctx } = board(new FakeAudioContext(), storage);
    expect([sounds.volume, sounds.muted]).toEqual([0.2, true]);
    expect(sounds.play('shot')).toBe(false);
    expect(sounds.toggleMute()).toBe(false);
    sounds.volume = 0.9;
    expect(loadSettings(storage)).toMatchObject({ volume: 0.9, muted: false, name: 'Ann' });
    expect(sounds.play('shot')).toBe(true);
    expect(gainOf(ctx.of('gain')[0]).value).toBeCloseTo(0.9);
    sounds.muted = true;
    expect(gainOf(ctx.of('gain')[0]).value).toBe(0);
  });

  it.each([
    [-1, 0],
    [0.5, 0.5],
    [2, 1],
    [Number.NaN, 0],
  ])('volume %f is stored as %f', (v, expected) => {
    const { sounds } = board();
    sounds.volume = v;
    expect(sounds.volume).toBe(expected);
  });

  it('volume 0 schedules nothing', () => {
    const { sounds, ctx } = board();
    sounds.volume = 0;
    expect(sounds.play('shot')).toBe(false);
    expect(ctx.of('oscillator')).toHaveLength(0);
  });
});

describe('autoplay policy and missing Web Audio', () => {
  it('creates the context lazily, drops sounds until a gesture resumes it', async () => {
    const { sounds, ctx, created } = board(new FakeAudioContext('suspended'));
    expect(created()).toBe(0);
    expect(sounds.play('shot')).toBe(false);
    expect(created()).toBe(1);
    expect(ctx.of('oscillator')).toHaveLength(0);
    sounds.unlock();
    await Promise.resolve();
    expect(ctx.resumes).toBe(1);
    expect(sounds.ready).toBe(true);
    expect(sounds.play('shot')).toBe(true);
    expect(created()).toBe(1);
  });

  it('unlockOn listens for gestures and stops once audio runs', () => {
    const { sounds, ctx } = board(new FakeAudioContext('suspended'));
    const target = new FakeTarget();
    sounds.unlockOn(target);
    expect(target.count()).toBe(UNLOCK_EVENTS.length);
    target.fire('keydown');
    expect(ctx.resumes).toBe(1);
    expect(target.count()).toBe(0);
  });

  it('the returned function removes the listeners', () => {
    const { sounds } = board(new FakeAudioContext('suspended'));
    const target = new FakeTarget();
    sounds.unlockOn(target)();
    expect(target.count()).toBe(0);
  });

  it.each<[string, () => FakeAudioContext | null]>([
    ['the factory returns null', () => null],
    [
      'the factory throws',
      () => {
        throw new Error('no audio');
      },
    ],
  ])('does nothing and never throws when %s', (_, factory) => {
    let calls = 0;
    const sounds = new SoundBoard({
      createContext: () => {
        calls += 1;
        return factory();
      },
      storage: null,
    });
    const target = new FakeTarget();
    expect(() => {
      sounds.unlockOn(target);
      target.fire('pointerdown');
      sounds.unlock();
      for (const name of ALL) expect(sounds.play(name)).toBe(false);
      sounds.volume = 0.3;
      sounds.toggleMute();
    }).not.toThrow();
    expect(calls).toBe(1);
    expect(target.count()).toBe(0);
    expect(sounds.ready).toBe(false);
  });

  it('works without any storage', () => {
    const sounds = new SoundBoard({ createContext: () => new FakeAudioContext(), storage: null });
    sounds.volume = 0.5;
    expect(sounds.volume).toBe(0.5);
    expect(sounds.play('pickup')).toBe(true);
  });
});

describe('sound recipes', () => {
  it.each(ALL)('%s is short, audible and well-formed', (name) => {
    expect(isSoundName(name)).toBe(true);
    expect(soundDurationS(name)).toBeGreaterThan(0);
    expect(soundDurationS(name)).toBeLessThan(1.5);
    for (const v of SOUND_RECIPES[name]) {
      expect(v.gain).toBeGreaterThan(0);
      expect(v.gain).toBeLessThanOrEqual(1);
      expect(v.freqHz).toBeGreaterThan(20);
      expect(v.endFreqHz).toBeGreaterThan(20);
    }
  });

  it('knows its names', () => {
    expect(isSoundName('toString')).toBe(false);
    expect(isSoundName('boom')).toBe(false);
  });
});
