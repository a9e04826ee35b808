/** The cluster's player total from the counts every node announces each heartbeat over pub/sub. */
import { parseJson, playersSchema } from './cluster-types.js';

/** The body a node announces its player count with. */
export function playersMessage(nodeId: string, players: number): string {
  return JSON.stringify({ nodeId, players });
}

/** Sums the latest announcement of each node, leaving out those older than `expiryMs`. */
export class PlayerCounts {
  private readonly announced = new Map<string, { players: number; at: number }>();
  private readonly listeners = new Set<(total: number) => void>();

  constructor(
    private readonly now: () => number,
    private readonly expiryMs: number,
  ) {}

  /** Calls `handler` with the total after each announcement; returns the remover. */
  listen(handler: (total: number) => void): () => void {
    this.listeners.add(handler);
    return () => this.listeners.delete(handler);
  }

  /** Handles one announcement from the players channel (malformed ones are ignored). */
  onMessage(raw: string): void {
    const m = parseJson(playersSchema, raw);
    if (!m) return;
    const t = this.now();
    this.announced.set(m.nodeId, { players: m.players, at: t });
    let total = 0;
    for (const [id, a] of this.announced) {
      if (t - a.at > this.expiryMs) this.announced.delete(id);
      else total += a.players;
    }
    for (const l of this.listeners) l(total);
  }
}
