/** Fixed-bin latency histogram: cheap to fill, and mergeable across bot processes. */

const BIN_MS = 0.05;
const MAX_MS = 2000;
const BINS = Math.ceil(MAX_MS / BIN_MS) + 1;

/** Sparse form of a histogram: [bin, count] pairs, for IPC. */
export type SparseHistogram = [number, number][];

/** Latency histogram with 0.05 ms bins up to 2 s (anything above lands in the last bin). */
export class Histogram {
  private readonly bins = new Uint32Array(BINS);
  private total = 0;

  /** Number of recorded values. */
  get count(): number {
    return this.total;
  }

  /** Records one value in ms. */
  add(ms: number): void {
    const bin = Math.min(BINS - 1, Math.max(0, Math.floor(ms / BIN_MS)));
    this.bins[bin] = (this.bins[bin] ?? 0) + 1;
    this.total++;
  }

  /** Clears all bins. */
  reset(): void {
    this.bins.fill(0);
    this.total = 0;
  }

  /** Non-empty bins as [bin, count] pairs. */
  toSparse(): SparseHistogram {
    const out: SparseHistogram = [];
    for (let i = 0; i < BINS; i++) if (this.bins[i]) out.push([i, this.bins[i] ?? 0]);
    return out;
  }

  /** Adds the counts of a sparse histogram. */
  merge(sparse: SparseHistogram): void {
    for (const [bin, n] of sparse) {
      this.bins[bin] = (this.bins[bin] ?? 0) + n;
      this.total += n;
    }
  }

  /** Percentile (p in 0..100) at bin midpoint; NaN when empty. */
  percentile(p: number): number {
    if (this.total === 0) return Number.NaN;
    const target = Math.max(1, Math.ceil((p / 100) * this.total));
    let seen = 0;
    for (let i = 0; i < BINS; i++) {
      seen += this.bins[i] ?? 0;
      if (seen >= target) return (i + 0.5) * BIN_MS;
    }
    return MAX_MS;
  }
}
