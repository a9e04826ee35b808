/** The one fixed-step scheduler of the server: drift-free ticks for every room, on an injected clock. */

/** Schedules `fn` after `delayMs`; returns a handle for `cancel`. */
export type ScheduleFn = (fn: () => void, delayMs: number) => unknown;

/** Options of a loop. */
export interface LoopOptions {
  /** Tick length in ms. */
  readonly tickMs: number;
  /** Runs once per tick with the tick count since start (1, 2, 3, ...). */
  readonly onTick: (tick: number) => void;
  /** Monotonic clock in ms. @default performance.now */
  readonly now?: () => number;
  /** Most ticks run in one wake before the loop gives up catching up. @default 5 */
  readonly maxCatchUp?: number;
  /** @default scheduleAfterIo */
  readonly schedule?: ScheduleFn;
  /** @default cancelAfterIo */
  readonly cancel?: (handle: unknown) => void;
}

/** A running (or stopped) fixed-step loop. */
export interface Loop {
  start(): void;
  stop(): void;
  /** Runs every tick that is due now (capped), then reschedules; returns how many ran. Tests call it directly. */
  wake(): number;
  readonly running: boolean;
  /** Ticks run so far. */
  readonly ticks: number;
  /** Ticks given up on after falling more than maxCatchUp ticks behind. */
  readonly skipped: number;
  /** When the next tick is due, on the loop's clock (meaningful while running). */
  readonly nextDueAt: number;
}

interface AfterIoHandle {
  timer: ReturnType<typeof setTimeout> | undefined;
  immediate: ReturnType<typeof setImmediate> | undefined;
}

/**
 * The default wake-up: a timer, then setImmediate. Timers run before the event loop polls sockets,
 * so a tick run straight from the timer would miss inputs that arrived just before its deadline and
 * apply them a whole tick later; the immediate runs right after that turn's poll has read them.
 */
export function scheduleAfterIo(fn: () => void, delayMs: number): unknown {
  const h: AfterIoHandle = { timer: undefined, immediate: undefined };
  h.timer = setTimeout(() => {
    h.timer = undefined;
    h.immediate = setImmediate(fn);
  }, delayMs);
  return h;
}

/** Cancels a scheduleAfterIo wake-up in either stage. */
export function cancelAfterIo(handle: unknown): void {
  const h = handle as AfterIoHandle;
  if (h.timer !== undefined) clearTimeout(h.timer);
  if (h.immediate !== undefined) clearImmediate(h.immediate);
}

/** Creates a loop; ticks are due at start + k * tickMs, whatever each wake-up's lateness. */
export function createLoop(opts: LoopOptions): Loop {
  const now = opts.now ?? (() => performance.now());
  const maxCatchUp = opts.maxCatchUp ?? 5;
  const schedule: ScheduleFn = opts.schedule ?? scheduleAfterIo;
  const cancel = opts.cancel ?? cancelAfterIo;
  if (!(opts.tickMs > 0)) throw new RangeError('tickMs must be positive');

  let running = false;
  let handle: unknown;
  let nextAt = 0;
  let ticks = 0;
  let skipped = 0;

  function wake(): number {
    if (!running) return 0;
    handle = undefined;
    const t = now();
    let ran = 0;
    while (running && t >= nextAt && ran < maxCatchUp) {
      nextAt += opts.tickMs;
      ticks += 1;
      ran += 1;
      opts.onTick(ticks);
    }
    if (running && t >= nextAt) {
      // Too far behind: drop the backlog instead of spiralling, and keep the tick grid.
      const behind = Math.floor((t - nextAt) / opts.tickMs) + 1;
      skipped += behind;
      nextAt += behind * opts.tickMs;
    }
    if (running) handle = schedule(wake, Math.max(0, Math.ceil(nextAt - now())));
    return ran;
  }

  return {
    start() {
      if (running) return;
      running = true;
      nextAt = now() + opts.tickMs;
      handle = schedule(wake, opts.tickMs);
    },
    stop() {
      running = false;
      if (handle !== undefined) cancel(handle);
      handle = undefined;
    },
    wake,
    get running() {
      return running;
    },
    get ticks() {
      return ticks;
    },
    get skipped() {
      return skipped;
    },
    get nextDueAt() {
      return nextAt;
    },
  };
}
