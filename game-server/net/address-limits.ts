/** Per-address limits (open sockets, join attempts) and the server-wide handshake rate, in bounded memory. */

/** Addresses tracked at most; beyond it the oldest idle entry is forgotten (its bucket starts full again). */
export const MAX_TRACKED_ADDRESSES = 50_000;

/** The limits, as in Config. */
export interface AddressLimitOptions {
  /** 0: no limit. */
  readonly maxConnsPerIp: number;
  readonly joinBurst: number;
  /** 0: no limit. */
  readonly joinRatePerS: number;
  readonly handshakesPerS: number;
  readonly now: () => number;
}

interface Entry {
  conns: number;
  tokens: number;
  last: number;
}

/** Why a join attempt is refused, or null if it may go on. */
export type AddressVerdict = null | 'join_rate' | 'too_many_connections' | 'handshake_rate';

/** The sentence of a rate refusal. */
export function rateReason(verdict: Exclude<AddressVerdict, null>): string {
  if (verdict === 'too_many_connections')
    return 'too_many_connections: too many open games from your address';
  if (verdict === 'handshake_rate') return 'handshake_rate: the server is busy, retry in a few seconds';
  return 'join_rate: too many join attempts from your address, wait a few seconds';
}

/** Token buckets and connection counts keyed by client address. */
export class AddressLimits {
  private readonly entries = new Map<string, Entry>();
  private handshakeTokens: number;
  private handshakeLast: number;

  constructor(private readonly o: AddressLimitOptions) {
    this.handshakeTokens = o.handshakesPerS;
    this.handshakeLast = o.now();
  }

  /** Takes one join attempt for `ip` (HTTP probes and room creation). */
  attempt(ip: string): AddressVerdict {
    if (this.o.joinRatePerS === 0) return null;
    const e = this.entry(ip);
    const t = this.o.now();
    e.tokens = Math.min(this.o.joinBurst, e.tokens + ((t - e.last) / 1000) * this.o.joinRatePerS);
    e.last = t;
    if (e.tokens < 1) return 'join_rate';
    e.tokens -= 1;
    return null;
  }

  /** A WebSocket handshake from `ip`: the server-wide rate, the address's open sockets, then a join attempt. */
  handshake(ip: string): AddressVerdict {
    const t = this.o.now();
    const rate = this.o.handshakesPerS;
    this.handshakeTokens = Math.min(rate, this.handshakeTokens + ((t - this.handshakeLast) / 1000) * rate);
    this.handshakeLast = t;
    if (this.handshakeTokens < 1) return 'handshake_rate';
    if (this.o.maxConnsPerIp > 0 && (this.entries.get(ip)?.conns ?? 0) >= this.o.maxConnsPerIp)
      return 'too_many_connections';
    const verdict = this.attempt(ip);
    if (verdict === null) this.handshakeTokens -= 1;
    return verdict;
  }

  /** A socket from `ip` opened. */
  opened(ip: string): void {
    this.entry(ip).conns += 1;
  }

  /** A socket from `ip` closed. */
  closed(ip: string): void {
    const e = this.entries.get(ip);
    if (e && e.conns > 0) e.conns -= 1;
  }

  /** Open sockets of `ip`. */
  connections(ip: string): number {
    return this.entries.get(ip)?.conns ?? 0;
  }

  /** Addresses currently tracked. */
  get size(): number {
    return this.entries.size;
  }

  /** Forgets addresses with no socket whose bucket has refilled: they would behave exactly as new ones. */
  prune(): void {
    const t = this.o.now();
    const refillMs = this.o.joinRatePerS > 0 ? (this.o.joinBurst / this.o.joinRatePerS) * 1000 : 0;
    for (const [ip, e] of this.entries) if (e.conns === 0 && t - e.last >= refillMs) this.entries.delete(ip);
  }

  private entry(ip: string): Entry {
    let e = this.entries.get(ip);
    if (e) return e;
    if (this.entries.size >= MAX_TRACKED_ADDRESSES) this.evictOne();
    e = { conns: 0, tokens: this.o.joinBurst, last: this.o.now() };
    this.entries.set(ip, e);
    return e;
  }

  private evictOne(): void {
    // Map order is insertion order: the first entry without sockets is the oldest idle one.
    for (const [ip, e] of this.entries) {
      if (e.conns === 0) {
        this.entries.delete(ip);
        return;
      }
    }
  }
}
