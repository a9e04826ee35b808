/** The sweep of one system over N, with the workload's retries: two bot processes, then N x 3/4. */
import type { SystemName } from '../shared/bot-protocol.js';
import type { BenchArgs } from './cli-args.js';
import { runOnce } from './run-once.js';
import type { RunRecord } from './run-record.js';
import { type SummaryRow, summarize } from './summary-row.js';

/** Default N sweep; it extends by x1.5 up to MAX_N while runs stay valid and the machine has headroom. */
export const DEFAULT_NS = [128, 512, 1024] as const;
const MAX_N = 2048;
const EXTEND_MAX_SHARE = 0.8;
/** @colyseus/sdk bots saturate one core at about 600-770 clients: larger N would measure the bots. */
const COLYSEUS_MAX_N = 768;
const MAX_REDUCTIONS = 2;

/** Context shared by all sweeps of one bench invocation. */
export interface SweepContext {
  readonly args: BenchArgs;
  readonly machine: string;
  /** True once retries should stop (quick mode's time budget). */
  readonly outOfTime: () => boolean;
  readonly log: (line: string) => void;
}

const roundN = (n: number): number => Math.max(16, Math.floor(n / 16) * 16);

async function runK(ctx: SweepContext, system: SystemName, n: number, procs: number): Promise<RunRecord[]> {
  const out: RunRecord[] = [];
  for (let k = 0; k < ctx.args.runs; k++) {
    const r = await runOnce({ system, n, procs, warmupS: ctx.args.warmupS, windowS: ctx.args.windowS });
    const figure = r.server ? `${r.server.server_cpu_us_per_client_tick.toFixed(1)} us/client-tick` : '';
    ctx.log(
      `  ${system} N=${n} procs=${procs} run ${k + 1}: ${r.valid ? `ok ${figure}` : `INVALID ${r.invalid_reason}`}`,
    );
    out.push(r);
  }
  return out;
}

/** Sweeps one system; returns one row per N tried (invalid rows included, never as figures). */
export async function sweepSystem(ctx: SweepContext, system: SystemName): Promise<SummaryRow[]> {
  const rows: SummaryRow[] = [];
  let procs = ctx.args.procs;
  const measure = async (start: number, retries: boolean): Promise<SummaryRow | undefined> => {
    let n = start;
    for (let reduction = 0; reduction <= MAX_REDUCTIONS; reduction++) {
      if (system === 'colyseus' && n > COLYSEUS_MAX_N) {
        const reason = `not run: @colyseus/sdk bots saturate one core at ~600-770 clients (cap ${COLYSEUS_MAX_N})`;
        rows.push({ ...summarize(system, n, [], ctx.machine), invalid_reason: reason });
        n = roundN((n * 3) / 4);
        continue;
      }
      let runs = await runK(ctx, system, n, procs);
      if (!runs.some((r) => r.valid) && retries && procs === 1 && !ctx.outOfTime()) {
        procs = 2;
        runs = runs.concat(await runK(ctx, system, n, procs));
      }
      const row = summarize(system, n, runs, ctx.machine);
      rows.push(row);
      if (row.valid || !retries || ctx.args.quick || ctx.outOfTime()) return row;
      n = roundN((n * 3) / 4);
    }
    return undefined;
  };
  let last: SummaryRow | undefined;
  for (const n of ctx.args.ns ?? DEFAULT_NS) last = await measure(n, true);
  if (ctx.args.ns === null) {
    let n: number = DEFAULT_NS[DEFAULT_NS.length - 1] ?? 1024;
    while (last?.valid && last.n === n && (last.detail.machine_cpu_share ?? 1) < EXTEND_MAX_SHARE) {
      n = roundN(n * 1.5);
      if (n > MAX_N) break;
      last = await measure(n, false);
    }
  }
  return rows;
}
