/** Drift-free fixed-rate loop: tick k is due at start + k * periodMs; late ticks are skipped, never burst. */

/** Handle of a running loop. */
export interface TickLoop {
  stop(): void;
  /** Ticks skipped because the process fell more than one period behind. */
  readonly skipped: number;
}

/** Runs `onTick(tick)` every `periodMs` without accumulating timer drift. */
export function startTickLoop(periodMs: number, onTick: (tick: number) => void): TickLoop {
  const start = performance.now();
  let k = 0;
  let skipped = 0;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const run = (): void => {
    if (stopped) return;
    const now = performance.now();
    const due = Math.floor((now - start) / periodMs);
    if (due > k) {
      skipped += due - k;
      k = due;
    }
    onTick(k);
    k++;
    timer = setTimeout(run, Math.max(0, start + k * periodMs - performance.now()));
  };
  timer = setTimeout(run, 0);
  return {
    stop(): void {
      stopped = true;
      clearTimeout(timer);
    },
    get skipped(): number {
      return skipped;
    },
  };
}
