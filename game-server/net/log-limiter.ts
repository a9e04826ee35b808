/** Rate-limited warnings: a storm of bad clients costs at most a few log lines per second. */
import type { Logger } from '../logger.js';

/** Most warnings written per second; the rest are counted and reported with the next written one. */
export const LOG_LINES_PER_S = 10;

/** A warn() that drops lines beyond `perSecond` and says how many it dropped. */
export interface LimitedLog {
  warn(fields: Record<string, unknown>, msg: string): void;
}

/** Wraps `log` with a per-second budget on clock `now` (ms). */
export function createLimitedLog(log: Logger, now: () => number, perSecond = LOG_LINES_PER_S): LimitedLog {
  let windowStart = now();
  let written = 0;
  let suppressed = 0;
  return {
    warn(fields, msg) {
      const t = now();
      if (t - windowStart >= 1000) {
        windowStart = t;
        written = 0;
      }
      if (written >= perSecond) {
        suppressed += 1;
        return;
      }
      written += 1;
      if (suppressed > 0) {
        log.warn({ ...fields, suppressed }, msg);
        suppressed = 0;
      } else log.warn(fields, msg);
    },
  };
}
