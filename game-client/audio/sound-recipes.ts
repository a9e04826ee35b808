/** Every sound effect as data: short synthesized tones and filtered noise bursts, no audio files. */

/** The sound effects of the game. */
export type SoundName =
  | 'shot'
  | 'hit'
  | 'kill'
  | 'death'
  | 'respawn'
  | 'pickup'
  | 'roundStart'
  | 'roundEnd'
  | 'click';

/** An oscillator sweeping from `freqHz` to `endFreqHz`. Times in s from the sound's start. */
export interface ToneVoice {
  readonly kind: 'tone';
  readonly wave: 'sine' | 'square' | 'sawtooth' | 'triangle';
  readonly freqHz: number;
  readonly endFreqHz: number;
  readonly atS: number;
  readonly durationS: number;
  /** Peak gain in [0, 1]. */
  readonly gain: number;
}

/** White noise through a filter whose cutoff sweeps from `freqHz` to `endFreqHz`. */
export interface NoiseVoice {
  readonly kind: 'noise';
  readonly filter: 'lowpass' | 'bandpass' | 'highpass';
  readonly freqHz: number;
  readonly endFreqHz: number;
  readonly atS: number;
  readonly durationS: number;
  readonly gain: number;
}

/** One layer of a sound. */
export type Voice = ToneVoice | NoiseVoice;

/** Attack time of every voice: short enough to feel instant, long enough not to click. */
export const ATTACK_S = 0.005;

const tone = (
  wave: ToneVoice['wave'],
  freqHz: number,
  endFreqHz: number,
  atS: number,
  durationS: number,
  gain: number,
): ToneVoice => ({ kind: 'tone', wave, freqHz, endFreqHz, atS, durationS, gain });
const noise = (
  filter: NoiseVoice['filter'],
  freqHz: number,
  endFreqHz: number,
  atS: number,
  durationS: number,
  gain: number,
): NoiseVoice => ({ kind: 'noise', filter, freqHz, endFreqHz, atS, durationS, gain });

/** The recipe of each sound. */
export const SOUND_RECIPES: Readonly<Record<SoundName, readonly Voice[]>> = Object.freeze({
  shot: [noise('bandpass', 2400, 600, 0, 0.09, 0.5), tone('square', 880, 220, 0, 0.07, 0.18)],
  hit: [tone('triangle', 1400, 900, 0, 0.06, 0.45), noise('highpass', 3000, 3000, 0, 0.04, 0.2)],
  kill: [
    tone('square', 660, 660, 0, 0.08, 0.25),
    tone('square', 990, 990, 0.08, 0.08, 0.25),
    tone('square', 1320, 1320, 0.16, 0.16, 0.25),
  ],
  death: [tone('sawtooth', 420, 60, 0, 0.55, 0.35), noise('lowpass', 1200, 100, 0, 0.5, 0.4)],
  respawn: [tone('sine', 300, 900, 0, 0.25, 0.35), tone('triangle', 600, 1800, 0.05, 0.25, 0.15)],
  pickup: [tone('sine', 880, 880, 0, 0.07, 0.35), tone('sine', 1320, 1320, 0.07, 0.12, 0.35)],
  roundStart: [
    tone('triangle', 523, 523, 0, 0.14, 0.35),
    tone('triangle', 659, 659, 0.14, 0.14, 0.35),
    tone('triangle', 784, 784, 0.28, 0.3, 0.4),
  ],
  roundEnd: [
    tone('triangle', 784, 784, 0, 0.16, 0.35),
    tone('triangle', 659, 659, 0.16, 0.16, 0.35),
    tone('triangle', 523, 392, 0.32, 0.45, 0.4),
  ],
  click: [tone('sine', 1800, 1200, 0, 0.03, 0.25)],
});

/** True when `name` is a known sound (for data from outside, e.g. automation hooks). */
export function isSoundName(name: string): name is SoundName {
  return Object.hasOwn(SOUND_RECIPES, name);
}

/** Length of a sound in s (its last voice's end). */
export function soundDurationS(name: SoundName): number {
  return Math.max(...SOUND_RECIPES[name].map((v) => v.atS + v.durationS));
}
