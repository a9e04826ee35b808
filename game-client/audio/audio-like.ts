/** The slice of the Web Audio API the sound board uses, typed structurally so tests can pass a fake. */

/** A schedulable parameter (AudioParam). */
export interface AudioParamLike {
  value: number;
  setValueAtTime(value: number, time: number): unknown;
  linearRampToValueAtTime(value: number, time: number): unknown;
  exponentialRampToValueAtTime(value: number, time: number): unknown;
}

/** Any node that can feed another (AudioNode). */
export interface AudioNodeLike {
  connect(destination: AudioNodeLike): unknown;
}

/** A node that plays for a while (OscillatorNode, AudioBufferSourceNode). */
export interface SourceNodeLike extends AudioNodeLike {
  start(when?: number): void;
  stop(when?: number): void;
}

/** OscillatorNode. */
export interface OscillatorLike extends SourceNodeLike {
  type: 'sine' | 'square' | 'sawtooth' | 'triangle' | 'custom';
  readonly frequency: AudioParamLike;
}

/** GainNode. */
export interface GainLike extends AudioNodeLike {
  readonly gain: AudioParamLike;
}

/** StereoPannerNode. */
export interface PannerLike extends AudioNodeLike {
  readonly pan: AudioParamLike;
}

/** BiquadFilterNode. */
export interface FilterLike extends AudioNodeLike {
  type: 'allpass' | 'bandpass' | 'highpass' | 'highshelf' | 'lowpass' | 'lowshelf' | 'notch' | 'peaking';
  readonly frequency: AudioParamLike;
  readonly Q: AudioParamLike;
}

/** AudioBuffer (only filled once, for noise). */
export interface AudioBufferLike {
  getChannelData(channel: number): Float32Array;
}

/** AudioBufferSourceNode. */
export interface BufferSourceLike extends SourceNodeLike {
  buffer: AudioBufferLike | null;
}

/** AudioContext. Browsers start it 'suspended' until a user gesture resumes it. */
export interface AudioContextLike {
  readonly currentTime: number;
  readonly sampleRate: number;
  readonly state: string;
  readonly destination: AudioNodeLike;
  resume(): Promise<void>;
  createOscillator(): OscillatorLike;
  createGain(): GainLike;
  createBiquadFilter(): FilterLike;
  createBufferSource(): BufferSourceLike;
  createBuffer(channels: number, length: number, sampleRate: number): AudioBufferLike;
  /** Missing in some older browsers: sounds then play centred. */
  createStereoPanner?(): PannerLike;
}

/** Makes an audio context; null (or a throw) means Web Audio is unavailable. */
export type AudioContextFactory = () => AudioContextLike | null;

/** The browser's AudioContext (or webkitAudioContext), or null where there is none. */
export const browserAudioContext: AudioContextFactory = () => {
  const w = globalThis as typeof globalThis & { webkitAudioContext?: typeof AudioContext };
  const Ctor = globalThis.AudioContext ?? w.webkitAudioContext;
  return Ctor ? new Ctor() : null;
};
