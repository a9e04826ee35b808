/** Which player a spectator's camera follows, switched with Q/E or the arrow keys (or the on-screen buttons). */

/** The followed id after a switch of `step` (-1, 0, +1) among `ids`; alive players are preferred when picking anew. */
export function nextTarget(
  ids: readonly number[],
  current: number | null,
  step: number,
  alive: (id: number) => boolean = () => true,
): number | null {
  if (ids.length === 0) return null;
  const sorted = [...ids].sort((a, b) => a - b);
  const at = current === null ? -1 : sorted.indexOf(current);
  if (at < 0) return sorted.find(alive) ?? sorted[0] ?? null;
  const n = sorted.length;
  return sorted[(((at + step) % n) + n) % n] ?? null;
}

/** Spectator camera state: the followed player and switches requested since the last frame. */
export class SpectatorFollow {
  /** The player being followed, or null before the first frame with players. */
  targetId: number | null = null;
  private pending = 0;

  /** Asks for the next (+1) or previous (-1) player; applied on the next `pick`. */
  cycle(step: 1 | -1): void {
    this.pending += step;
  }

  /** Applies pending switches against the players now visible; returns the followed id. */
  pick(ids: readonly number[], alive: (id: number) => boolean): number | null {
    const step = this.pending;
    this.pending = 0;
    this.targetId = nextTarget(ids, this.targetId, step, alive);
    return this.targetId;
  }
}
