/** One reported row per system and N: the median of its valid runs, or why there is none. */
import type { RunRecord } from './run-record.js';

/** A row of bench/results/latest.json. */
export interface SummaryRow {
  system: string;
  n: number;
  valid: boolean;
  invalid_reason?: string;
  runs: number;
  cpu_us_per_client_tick: number | null;
  ticks_per_s: number | null;
  tick_p99_ms: number | null;
  down_bytes_per_client_s: number | null;
  up_bytes_per_client_s: number | null;
  ack_latency_p50_ms: number | null;
  ack_latency_p99_ms: number | null;
  rss_mb: number | null;
  machine: string;
  /** Further medians: server CPU, tick and ack-delay percentiles, bot CPU, input ratio, set-up. */
  detail: Record<string, number | null>;
}

function median(values: number[]): number | null {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? (v[mid] ?? null) : ((v[mid - 1] ?? 0) + (v[mid] ?? 0)) / 2;
}

/** Folds the runs of one system at one N into a row (median of valid runs only). */
export function summarize(system: string, n: number, runs: RunRecord[], machine: string): SummaryRow {
  const ok = runs.filter((r) => r.valid && r.server && r.bots);
  const m = (pick: (r: RunRecord) => number | null | undefined): number | null =>
    median(ok.map((r) => pick(r) ?? Number.NaN));
  const last = runs[runs.length - 1];
  const row: SummaryRow = {
    system,
    n,
    valid: ok.length > 0,
    runs: ok.length,
    cpu_us_per_client_tick: m((r) => r.server?.server_cpu_us_per_client_tick),
    ticks_per_s: m((r) => r.server?.ticks_per_s),
    tick_p99_ms: m((r) => r.server?.tick_room_p99_ms),
    down_bytes_per_client_s: m((r) => r.bots?.down_bytes_per_client_s),
    up_bytes_per_client_s: m((r) => r.bots?.up_bytes_per_client_s),
    ack_latency_p50_ms: m((r) => r.bots?.ack_latency_p50_ms),
    ack_latency_p99_ms: m((r) => r.bots?.ack_latency_p99_ms),
    rss_mb: m((r) => r.server?.server_rss_mb),
    machine,
    detail: {
      server_cpu_ms_per_s: m((r) => r.server?.server_cpu_ms_per_s),
      server_cpu_user_ms_per_s: m((r) => r.server?.server_cpu_user_ms_per_s),
      server_cpu_sys_ms_per_s: m((r) => r.server?.server_cpu_sys_ms_per_s),
      server_main_thread_ms_per_s: m((r) => r.server?.server_main_thread_ms_per_s),
      tick_room_p50_ms: m((r) => r.server?.tick_room_p50_ms),
      tick_all_p50_ms: m((r) => r.server?.tick_all_p50_ms),
      tick_all_p99_ms: m((r) => r.server?.tick_all_p99_ms),
      server_ack_delay_p50_ms: m((r) => r.server?.server_ack_delay_p50_ms),
      server_ack_delay_p99_ms: m((r) => r.server?.server_ack_delay_p99_ms),
      bot_cpu_ms_per_s: m((r) => r.bots?.bot_cpu_ms_per_s),
      machine_cpu_share: m((r) => r.bots?.machine_cpu_share),
      input_ratio: m((r) => r.bots?.input_ratio),
      acked_ratio: m((r) => r.bots?.acked_ratio),
      bot_procs: last?.plan.procs ?? null,
      warmup_s: last?.plan.warmupS ?? null,
      window_s: last?.plan.windowS ?? null,
      attempts: runs.length,
    },
  };
  if (!row.valid) row.invalid_reason = last?.invalid_reason ?? 'no run';
  return row;
}
