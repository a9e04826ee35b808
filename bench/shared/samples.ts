/** Growable sample buffer with percentiles, bounded so a long window cannot exhaust memory. */

const MAX_SAMPLES = 4_000_000;

/** Collects float samples (milliseconds usually) and answers percentiles. */
export class Samples {
  private data = new Float64Array(4096);
  private size = 0;

  /** Number of samples kept. */
  get count(): number {
    return this.size;
  }

  /** Adds one sample (ignored past MAX_SAMPLES). */
  add(value: number): void {
    if (this.size === this.data.length) {
      if (this.size >= MAX_SAMPLES) return;
      const next = new Float64Array(this.size * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.size++] = value;
  }

  /** Drops every sample. */
  reset(): void {
    this.size = 0;
  }

  /** Nearest-rank percentile (p in 0..100); NaN when empty. */
  percentile(p: number): number {
    if (this.size === 0) return Number.NaN;
    const sorted = this.data.slice(0, this.size).sort();
    const rank = Math.min(this.size - 1, Math.max(0, Math.ceil((p / 100) * this.size) - 1));
    return sorted[rank] ?? Number.NaN;
  }
}
