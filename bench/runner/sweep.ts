/**
 * The sweep over N of every system. At each N the runs of the systems alternate (run 1 of each, then
 * run 2 of each, ...), so drift in the machine's speed falls on every system alike and the ratios of
 * one bench invocation compare like with like. A system with no valid run then gets the workload's
 * retries on its own: two bot processes, then N x 3/4.
 */
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

/** One system's sweep: its bot process count (raised by a retry) and the rows it produced. */
class SystemSweep {
  procs: number;
  readonly rows: SummaryRow[] = [];
  last: SummaryRow | undefined;

  constructor(
    private readonly ctx: SweepContext,
    readonly system: SystemName,
  ) {
    this.procs = ctx.args.procs;
  }

  /** True if this system runs at `n` at all (Colyseus' bots cannot drive more than COLYSEUS_MAX_N). */
  runsAt(n: number): boolean {
    return this.system !== 'colyseus' || n <= COLYSEUS_MAX_N;
  }

  /** One run at `n`, logged as `run k`. */
  async runOnce(n: number, k: number): Promise<RunRecord> {
    const { args, log } = this.ctx;
    const r = await runOnce({
      system: this.system,
      n,
      procs: this.procs,
      warmupS: args.warmupS,
      windowS: args.windowS,
    });
    const figure = r.server ? `${r.server.server_cpu_us_per_client_tick.toFixed(1)} us/client-tick` : '';
    const verdict = r.valid ? `ok ${figure}` : `INVALID ${r.invalid_reason}`;
    log(`  ${this.system} N=${n} procs=${this.procs} run ${k + 1}: ${verdict}`);
    return r;
  }

  /** Folds `runs` at `n` into a row; with no valid run and `retries`, tries the workload's fallbacks. */
  async settle(start: number, runs: RunRecord[], retries: boolean): Promise<void> {
    const { args, outOfTime } = this.ctx;
    let n = start;
    let tried = runs;
    for (let reduction = 0; ; reduction++) {
      if (!tried.some((r) => r.valid) && retries && this.procs === 1 && !outOfTime()) {
        this.procs = 2;
        tried = tried.concat(await this.runK(n));
      }
      const row = summarize(this.system, n, tried, this.ctx.machine);
      this.push(row);
      if (row.valid || !retries || args.quick || outOfTime() || reduction >= MAX_REDUCTIONS) return;
      n = roundN((n * 3) / 4);
      if (!this.runsAt(n)) return;
      tried = await this.runK(n);
    }
  }

  /** The row of a system that does not run at `n`, and its sweep at the largest N it supports. */
  async capped(n: number): Promise<void> {
    const reason = `not run: @colyseus/sdk bots saturate one core at ~600-770 clients (cap ${COLYSEUS_MAX_N})`;
    this.push({ ...summarize(this.system, n, [], this.ctx.machine), invalid_reason: reason });
    const below = roundN(Math.min(COLYSEUS_MAX_N, (n * 3) / 4));
    if (this.rows.some((r) => r.n === below)) return;
    await this.settle(below, await this.runK(below), true);
  }

  private async runK(n: number): Promise<RunRecord[]> {
    const out: RunRecord[] = [];
    for (let k = 0; k < this.ctx.args.runs; k++) out.push(await this.runOnce(n, k));
    return out;
  }

  private push(row: SummaryRow): void {
    this.rows.push(row);
    this.last = row;
  }
}

/** At `n`, the runs of every sweep in `sweeps` alternate; then each settles its row (with fallbacks). */
async function measureAll(
  ctx: SweepContext,
  sweeps: SystemSweep[],
  n: number,
  retries: boolean,
): Promise<void> {
  const running = sweeps.filter((s) => s.runsAt(n));
  const runs = new Map<SystemSweep, RunRecord[]>(running.map((s) => [s, []]));
  for (let k = 0; k < ctx.args.runs; k++) {
    for (const s of running) runs.get(s)?.push(await s.runOnce(n, k));
  }
  for (const s of sweeps) {
    if (s.runsAt(n)) await s.settle(n, runs.get(s) ?? [], retries);
    else if (retries) await s.capped(n);
  }
}

/** Sweeps every system; returns one row per system and N tried (invalid rows included, never as figures). */
export async function sweepSystems(ctx: SweepContext, systems: readonly SystemName[]): Promise<SummaryRow[]> {
  const sweeps = systems.map((system) => new SystemSweep(ctx, system));
  for (const n of ctx.args.ns ?? DEFAULT_NS) await measureAll(ctx, sweeps, n, true);
  if (ctx.args.ns === null) {
    // Beyond the last default N, each system goes on (x1.5) while its runs stay valid with headroom.
    let n: number = DEFAULT_NS[DEFAULT_NS.length - 1] ?? 1024;
    let going = sweeps;
    for (;;) {
      const at = n;
      going = going.filter(
        (s) => s.last?.valid && s.last.n === at && (s.last.detail.machine_cpu_share ?? 1) < EXTEND_MAX_SHARE,
      );
      n = roundN(n * 1.5);
      if (going.length === 0 || n > MAX_N) break;
      await measureAll(ctx, going, n, false);
    }
  }
  return sweeps.flatMap((s) => s.rows);
}
