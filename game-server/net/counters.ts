/** Refusal metrics: a prom-client counter per refusal reason, on a registry the server owns. */
import { Counter, Registry } from 'prom-client';

/** Where a refusal happened: a WebSocket close, or an HTTP answer (upgrade or API). */
export type RefusalKind = 'ws_close' | 'http';

type Listener = (kind: RefusalKind, reason: string) => void;

/** The machine word of a reason ("bad_input: field 2" -> "bad_input"), which keeps label values few. */
export function reasonWord(reason: string): string {
  const word = reason.split(':', 1)[0]?.trim() ?? '';
  return /^[a-z_]{1,32}$/.test(word) ? word : 'other';
}

/** Counts refusals by kind and reason word; tests can listen to them instead of polling. */
export class NetCounters {
  /** The server's own metrics registry (not prom-client's global one). */
  readonly registry = new Registry();
  private readonly refusals = new Counter({
    name: 'tickfire_refusals_total',
    help: 'Connections closed or requests refused by the server, by kind and reason',
    labelNames: ['kind', 'reason'] as const,
    registers: [this.registry],
  });
  private readonly counts = new Map<string, number>();
  private readonly listeners = new Set<Listener>();

  /** Records one refusal; `reason` may carry detail after ': '. */
  refuse(kind: RefusalKind, reason: string): void {
    const word = reasonWord(reason);
    this.refusals.inc({ kind, reason: word });
    const key = `${kind}:${word}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    for (const l of this.listeners) l(kind, word);
  }

  /** How many refusals of `kind` with reason word `word` so far. */
  count(kind: RefusalKind, word: string): number {
    return this.counts.get(`${kind}:${word}`) ?? 0;
  }

  /** All counts as "kind:word" -> n. */
  snapshot(): ReadonlyMap<string, number> {
    return new Map(this.counts);
  }

  /** Calls `fn` on every refusal until the returned function is called. */
  onRefusal(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
}
