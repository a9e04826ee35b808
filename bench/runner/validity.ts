/** The workload's validity rules: when a run is not counted, and why. */
import { TICK_HZ } from '../shared/arena-sim.js';
import type { ServerReport } from '../shared/server-metrics.js';
import type { BotFigures } from './run-record.js';

/** Returns why a run does not count, or undefined if it is valid. */
export function invalidReason(n: number, server: ServerReport, bots: BotFigures): string | undefined {
  const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
  if (bots.input_ratio < 0.9)
    return `inputs sent ${pct(bots.input_ratio)} of expected (< 90%): load generator behind`;
  if (bots.connected < n || server.clients < n) {
    return `only ${Math.min(bots.connected, server.clients)}/${n} clients stayed connected`;
  }
  if (bots.acked_ratio < 0.5) return `only ${pct(bots.acked_ratio)} of inputs acked (< 50%)`;
  if (bots.machine_cpu_share >= 0.9 && server.ticks_per_s < 0.95 * TICK_HZ) {
    return `machine saturated (${pct(bots.machine_cpu_share)} of all cores) and server at ${server.ticks_per_s.toFixed(1)} ticks/s (< 95% of ${TICK_HZ})`;
  }
  return undefined;
}
