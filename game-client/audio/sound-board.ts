/** Plays the game's generated sound effects through one lazily created AudioContext, with a saved volume and mute. */
import { browserStorage, loadSettings, type StorageLike, updateSettings } from '../ui/settings-store.js';
import {
  type AudioContextFactory,
  type AudioContextLike,
  type AudioNodeLike,
  type AudioParamLike,
  browserAudioContext,
  type GainLike,
} from './audio-like.js';
import { ATTACK_S, SOUND_RECIPES, type SoundName, type Voice } from './sound-recipes.js';

/** How one play sounds. */
export interface PlayOptions {
  /** Loudness of this play in [0, 1] before the master volume. @default 1 */
  readonly volume?: number;
  /** Stereo position in [-1 (left), 1 (right)]. @default 0 */
  readonly pan?: number;
}

/** Options of a SoundBoard. */
export interface SoundBoardOptions {
  /** Makes the AudioContext (called at most once, on first use). @default browserAudioContext */
  readonly createContext?: AudioContextFactory;
  /** Where volume and mute are remembered. @default localStorage (or nothing where refused) */
  readonly storage?: StorageLike | null;
  /** The same sound is not started again within this many s (a burst of hits stays one hit). @default 0.03 */
  readonly minGapS?: number;
}

/** Events that count as a user gesture for the autoplay policy. */
export const UNLOCK_EVENTS = ['pointerdown', 'keydown', 'touchend'] as const;

/** What `unlockOn` listens on (a Window or Document). */
export interface GestureTarget {
  addEventListener(type: string, listener: () => void, options?: { passive?: boolean }): void;
  removeEventListener(type: string, listener: () => void): void;
}

const SILENT = 0.0001;
const NOISE_SEED = 0x9e3779b9;
const clamp01 = (v: number) => (Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : 0);

/**
 * The game's sound effects. Never throws: where Web Audio is missing every call is a no-op. The
 * context is created on first use and sounds are dropped until a user gesture has resumed it
 * (browsers' autoplay policy), so nothing piles up and bursts out later.
 */
export class SoundBoard {
  private ctx: AudioContextLike | null = null;
  private master: GainLike | null = null;
  private noise: ReturnType<AudioContextLike['createBuffer']> | null = null;
  private unavailable = false;
  private readonly lastStart = new Map<SoundName, number>();
  private volumeValue: number;
  private mutedValue: boolean;
  private readonly createContext: AudioContextFactory;
  private readonly storage: StorageLike | null;
  private readonly minGapS: number;

  constructor(options: SoundBoardOptions = {}) {
    this.createContext = options.createContext ?? browserAudioContext;
    this.storage = options.storage === undefined ? browserStorage() : options.storage;
    this.minGapS = options.minGapS ?? 0.03;
    const saved = loadSettings(this.storage);
    this.volumeValue = saved.volume;
    this.mutedValue = saved.muted;
  }

  /** Master volume in [0, 1] (remembered). */
  get volume(): number {
    return this.volumeValue;
  }

  set volume(v: number) {
    this.volumeValue = clamp01(v);
    updateSettings({ volume: this.volumeValue }, this.storage);
    this.applyMaster();
  }

  /** Whether all sound is off (remembered). */
  get muted(): boolean {
    return this.mutedValue;
  }

  set muted(m: boolean) {
    this.mutedValue = m;
    updateSettings({ muted: m }, this.storage);
    this.applyMaster();
  }

  /** Flips mute; returns the new state. */
  toggleMute(): boolean {
    this.muted = !this.mutedValue;
    return this.mutedValue;
  }

  /** True once the context exists and is running (sounds will be heard). */
  get ready(): boolean {
    return this.ctx?.state === 'running';
  }

  /** Creates the context if needed and resumes it; call from a user gesture (click, key, touch). */
  unlock(): void {
    const ctx = this.context();
    if (ctx && ctx.state !== 'running' && ctx.state !== 'closed') ctx.resume().catch(() => undefined);
  }

  /** Calls `unlock` on the first gestures on `target` until audio runs; returns a function removing the listeners. */
  unlockOn(target: GestureTarget): () => void {
    const remove = () => {
      for (const type of UNLOCK_EVENTS) target.removeEventListener(type, onGesture);
    };
    const onGesture = () => {
      this.unlock();
      if (this.ready || this.unavailable) remove();
    };
    for (const type of UNLOCK_EVENTS) target.addEventListener(type, onGesture, { passive: true });
    return remove;
  }

  /** Plays `name`; returns whether it was scheduled (not muted, audio available and unlocked, not a repeat). */
  play(name: SoundName, options: PlayOptions = {}): boolean {
    if (this.mutedValue || this.volumeValue === 0) return false;
    const ctx = this.context();
    const master = this.master;
    if (!ctx || !master || ctx.state !== 'running') return false;
    const now = ctx.currentTime;
    const last = this.lastStart.get(name);
    if (last !== undefined && now - last < this.minGapS) return false;
    this.lastStart.set(name, now);
    try {
      const bus = ctx.createGain();
      bus.gain.value = clamp01(options.volume ?? 1);
      const pan = Math.max(-1, Math.min(1, options.pan ?? 0));
      if (pan !== 0 && ctx.createStereoPanner) {
        const panner = ctx.createStereoPanner();
        panner.pan.value = pan;
        bus.connect(panner);
        panner.connect(master);
      } else bus.connect(master);
      for (const voice of SOUND_RECIPES[name]) this.playVoice(ctx, voice, now + voice.atS, bus);
      return true;
    } catch {
      return false;
    }
  }

  private playVoice(ctx: AudioContextLike, voice: Voice, t0: number, out: AudioNodeLike): void {
    const end = t0 + voice.durationS;
    const env = ctx.createGain();
    envelope(env.gain, voice.gain, t0, end);
    env.connect(out);
    if (voice.kind === 'tone') {
      const osc = ctx.createOscillator();
      osc.type = voice.wave;
      sweep(osc.frequency, voice.freqHz, voice.endFreqHz, t0, end);
      osc.connect(env);
      osc.start(t0);
      osc.stop(end + 0.02);
      return;
    }
    const filter = ctx.createBiquadFilter();
    filter.type = voice.filter;
    sweep(filter.frequency, voice.freqHz, voice.endFreqHz, t0, end);
    filter.connect(env);
    const src = ctx.createBufferSource();
    src.buffer = this.noiseBuffer(ctx);
    src.connect(filter);
    src.start(t0);
    src.stop(end + 0.02);
  }

  /** One second of white noise, made once (a seeded LCG, so every visit sounds the same). */
  private noiseBuffer(ctx: AudioContextLike): ReturnType<AudioContextLike['createBuffer']> {
    if (this.noise) return this.noise;
    const length = Math.max(1, Math.round(ctx.sampleRate));
    const buffer = ctx.createBuffer(1, length, ctx.sampleRate);
    const data = buffer.getChannelData(0);
    let s = NOISE_SEED;
    for (let i = 0; i < data.length; i += 1) {
      s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
      data[i] = s / 2147483648 - 1;
    }
    this.noise = buffer;
    return buffer;
  }

  private context(): AudioContextLike | null {
    if (this.ctx || this.unavailable) return this.ctx;
    try {
      const ctx = this.createContext();
      if (!ctx) throw new Error('no Web Audio');
      const master = ctx.createGain();
      master.connect(ctx.destination);
      this.ctx = ctx;
      this.master = master;
      this.applyMaster();
    } catch {
      this.unavailable = true;
    }
    return this.ctx;
  }

  private applyMaster(): void {
    if (this.master) this.master.gain.value = this.mutedValue ? 0 : this.volumeValue;
  }
}

/** Quick attack to `peak`, exponential decay to silence at `end`. */
function envelope(p: AudioParamLike, peak: number, t0: number, end: number): void {
  p.setValueAtTime(SILENT, t0);
  p.linearRampToValueAtTime(Math.max(SILENT, peak), t0 + ATTACK_S);
  p.exponentialRampToValueAtTime(SILENT, end);
}

/** Exponential frequency sweep (constant when both ends are equal). */
function sweep(p: AudioParamLike, from: number, to: number, t0: number, end: number): void {
  p.setValueAtTime(from, t0);
  if (to !== from) p.exponentialRampToValueAtTime(to, end);
}
