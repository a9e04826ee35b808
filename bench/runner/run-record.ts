/** The figures of one run (one system, one N), valid or not. */
import type { ServerReport } from '../shared/server-metrics.js';

/** How a run is set up. */
export interface RunPlan {
  readonly system: string;
  readonly n: number;
  readonly procs: number;
  readonly warmupS: number;
  readonly windowS: number;
}

/** Merged bot-side figures of a run. */
export interface BotFigures {
  connected: number;
  input_ratio: number;
  acked_ratio: number;
  missed: number;
  down_bytes_per_client_s: number;
  up_bytes_per_client_s: number;
  ack_latency_p50_ms: number;
  ack_latency_p99_ms: number;
  bot_cpu_ms_per_s: number;
  machine_cpu_share: number;
}

/** Result of one run; `invalid_reason` is set iff the run does not count. */
export interface RunRecord {
  plan: RunPlan;
  valid: boolean;
  invalid_reason?: string;
  server?: ServerReport;
  bots?: BotFigures;
}
