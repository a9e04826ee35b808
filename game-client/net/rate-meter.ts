/** A sliding one-second rate: bytes/s, snapshots/s, frames/s. */

/** Counts amounts with their times and reports the sum over the last window, per second. */
export class RateMeter {
  private readonly events: { at: number; n: number }[] = [];
  private sum = 0;

  constructor(private readonly windowMs = 1000) {}

  /** Records `n` (bytes, frames...) at client time `now`. */
  add(n: number, now: number): void {
    this.events.push({ at: now, n });
    this.sum += n;
    this.trim(now);
  }

  /** The rate per second over the window ending at `now`. */
  perSecond(now: number): number {
    this.trim(now);
    return (this.sum * 1000) / this.windowMs;
  }

  private trim(now: number): void {
    while (this.events.length > 0 && this.events[0]!.at <= now - this.windowMs)
      this.sum -= this.events.shift()!.n;
  }
}
