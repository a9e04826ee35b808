/** A recording stand-in for the Web Audio API, shaped like game-client/audio/audio-like.ts. */
import type {
  AudioBufferLike,
  AudioContextLike,
  AudioNodeLike,
  AudioParamLike,
  BufferSourceLike,
  FilterLike,
  GainLike,
  OscillatorLike,
  PannerLike,
} from '../../game-client/audio/audio-like.js';

/** A parameter that records every scheduled change. */
export class FakeParam implements AudioParamLike {
  value = 0;
  readonly calls: [string, number, number][] = [];
  setValueAtTime(v: number, t: number): void {
    this.calls.push(['set', v, t]);
  }
  linearRampToValueAtTime(v: number, t: number): void {
    this.calls.push(['linear', v, t]);
  }
  exponentialRampToValueAtTime(v: number, t: number): void {
    if (!(v > 0)) throw new RangeError('exponential ramps need a positive target');
    this.calls.push(['exp', v, t]);
  }
}

/** A node that records what it is connected to, and when it plays. */
export class FakeNode implements AudioNodeLike {
  readonly connections: AudioNodeLike[] = [];
  startedAt: number | null = null;
  stoppedAt: number | null = null;
  constructor(readonly kind: string) {}
  connect(destination: AudioNodeLike): AudioNodeLike {
    this.connections.push(destination);
    return destination;
  }
  start(when = 0): void {
    this.startedAt = when;
  }
  stop(when = 0): void {
    this.stoppedAt = when;
  }
}

/** A fake AudioContext; `nodes` lists everything created, in order. */
export class FakeAudioContext implements AudioContextLike {
  currentTime = 10;
  readonly sampleRate = 8000;
  state: 'suspended' | 'running' | 'closed';
  readonly destination = new FakeNode('destination');
  readonly nodes: FakeNode[] = [];
  resumes = 0;
  createStereoPanner?: () => PannerLike;

  constructor(state: 'suspended' | 'running' = 'running', withPanner = true) {
    this.state = state;
    if (withPanner)
      this.createStereoPanner = () =>
        this.add(Object.assign(new FakeNode('panner'), { pan: new FakeParam() }));
  }

  resume(): Promise<void> {
    this.resumes += 1;
    this.state = 'running';
    return Promise.resolve();
  }
  createOscillator(): OscillatorLike {
    return this.add(
      Object.assign(new FakeNode('oscillator'), { type: 'sine' as const, frequency: new FakeParam() }),
    );
  }
  createGain(): GainLike {
    return this.add(Object.assign(new FakeNode('gain'), { gain: new FakeParam() }));
  }
  createBiquadFilter(): FilterLike {
    return this.add(
      Object.assign(new FakeNode('filter'), {
        type: 'lowpass' as const,
        frequency: new FakeParam(),
        Q: new FakeParam(),
      }),
    );
  }
  createBufferSource(): BufferSourceLike {
    return this.add(Object.assign(new FakeNode('buffer-source'), { buffer: null }));
  }
  createBuffer(_channels: number, length: number): AudioBufferLike {
    const data = new Float32Array(length);
    return { getChannelData: () => data };
  }
  /** Nodes of one kind. */
  of(kind: string): FakeNode[] {
    return this.nodes.filter((n) => n.kind === kind);
  }
  private add<T extends FakeNode>(node: T): T {
    this.nodes.push(node);
    return node;
  }
}

/** A Map-backed localStorage; `failing` makes every call throw like a refused storage. */
export class FakeStorage {
  readonly items = new Map<string, string>();
  failing = false;
  getItem(key: string): string | null {
    if (this.failing) throw new Error('SecurityError');
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.failing) throw new Error('QuotaExceededError');
    this.items.set(key, value);
  }
}
