/** Server clock estimation from Ping/Pong: round-trip time and a robust client-to-server time offset. */

/** One Ping/Pong exchange, in ms. */
interface ClockSample {
  readonly rttMs: number;
  readonly offsetMs: number;
}

/** Options of a ServerClock. */
export interface ServerClockOptions {
  /** How many recent samples are kept. @default 15 */
  readonly maxSamples?: number;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length === 0) return 0;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * Estimates `serverTime - clientTime`. Each Pong gives offset = serverTime + rtt/2 - receivedAt, which
 * is only as good as the path was symmetric; samples with the lowest RTT are the least queued, so the
 * estimate is the median offset of the fastest half of the recent samples, robust to jitter and outliers.
 * The RTT is the median of that same fastest half: delays on the receiving side (a Pong waiting for a
 * busy main thread, up to a whole frame in a software-rendered browser) only ever add, so the faster
 * samples are the better measure of the network.
 */
export class ServerClock {
  private readonly samples: ClockSample[] = [];
  private readonly maxSamples: number;
  private offset = 0;
  private rtt = 0;
  private jitter = 0;
  private seeded = false;
  private shownOffset = Number.NaN;
  private shownAt = Number.NaN;

  constructor(options: ServerClockOptions = {}) {
    this.maxSamples = Math.max(1, options.maxSamples ?? 15);
  }

  /** Seeds the offset from a one-way message (Welcome or State) until the first Pong arrives. */
  seed(serverTime: number, receivedAt: number): void {
    if (this.samples.length > 0 || this.seeded) return;
    this.offset = serverTime - receivedAt;
    this.seeded = true;
  }

  /** Records a Pong for a Ping sent at `clientTime` (client clock) and received at `receivedAt`. */
  addPong(clientTime: number, serverTime: number, receivedAt: number): void {
    const rttMs = receivedAt - clientTime;
    if (!Number.isFinite(rttMs) || rttMs < 0 || !Number.isFinite(serverTime)) return;
    this.samples.push({ rttMs, offsetMs: serverTime + rttMs / 2 - receivedAt });
    if (this.samples.length > this.maxSamples) this.samples.shift();
    const fastest = [...this.samples].sort((a, b) => a.rttMs - b.rttMs);
    const best = fastest.slice(0, Math.max(1, Math.ceil(fastest.length / 2)));
    this.offset = median(best.map((s) => s.offsetMs));
    this.rtt = median(best.map((s) => s.rttMs));
    const all = median(this.samples.map((s) => s.rttMs));
    this.jitter = median(this.samples.map((s) => Math.abs(s.rttMs - all)));
    this.seeded = true;
  }

  /** Estimated `serverTime - clientTime` in ms. */
  get offsetMs(): number {
    return this.offset;
  }

  /** Median round-trip time of the fastest half of the recent samples, in ms (0 before the first Pong). */
  get rttMs(): number {
    return this.rtt;
  }

  /** Median absolute deviation of the recent round-trip times, in ms: how much the path jitters. */
  get jitterMs(): number {
    return this.jitter;
  }

  /** True once any estimate exists. */
  get ready(): boolean {
    return this.seeded;
  }

  /** The server's clock now, estimated from the client clock reading `clientNow`. */
  serverNow(clientNow: number): number {
    return clientNow + this.offset;
  }

  /**
   * The server clock for rendering: like serverNow, but a change of the estimate is slewed in at most
   * `slewRate` ms per ms (so drawn motion never jumps or runs backwards); changes over 250 ms snap.
   */
  smoothServerNow(clientNow: number, slewRate = 0.05): number {
    if (Number.isNaN(this.shownOffset) || Math.abs(this.offset - this.shownOffset) > 250) {
      this.shownOffset = this.offset;
    } else {
      const room = Math.max(0, clientNow - this.shownAt) * slewRate;
      this.shownOffset += Math.max(-room, Math.min(room, this.offset - this.shownOffset));
    }
    this.shownAt = clientNow;
    return clientNow + this.shownOffset;
  }
}
