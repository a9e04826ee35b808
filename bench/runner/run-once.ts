/** One run of the protocol: server up, clients in, warm-up, /start, window, /stop, everything down. */
import { TICK_HZ } from '../shared/arena-sim.js';
import { CONNECT_DEADLINE_MS, isSystem } from '../shared/bot-protocol.js';
import { Histogram } from '../shared/histogram.js';
import type { ServerReport } from '../shared/server-metrics.js';
import { type BotFleet, startBots } from './bot-processes.js';
import { CORES } from './machine.js';
import type { BotFigures, RunPlan, RunRecord } from './run-record.js';
import { type ServerProcess, startServerProcess, stopServerProcess } from './server-process.js';
import { invalidReason } from './validity.js';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function control(port: number, path: '/start' | '/stop'): Promise<unknown> {
  const res = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`GET ${path}: HTTP ${res.status}`);
  return res.json();
}

async function measure(plan: RunPlan, server: ServerProcess, bots: BotFleet): Promise<RunRecord> {
  await bots.command('go');
  await sleep(plan.warmupS * 1000);
  await control(server.control, '/start');
  await bots.command('reset');
  await sleep(plan.windowS * 1000);
  const reports = await bots.collect();
  const figures = (await control(server.control, '/stop')) as ServerReport;
  const latency = new Histogram();
  let sent = 0;
  let acked = 0;
  let missed = 0;
  let down = 0;
  let up = 0;
  let botCpuMs = 0;
  let connected = 0;
  for (const r of reports) {
    latency.merge(r.latency);
    sent += r.sent;
    acked += r.acked;
    missed += r.missed;
    down += r.bytes_down;
    up += r.bytes_up;
    botCpuMs += r.cpu_ms;
    connected += r.connected;
  }
  const windowS = Math.max(...reports.map((r) => r.window_s));
  const botCpu = botCpuMs / windowS;
  const bot: BotFigures = {
    connected,
    input_ratio: sent / (plan.n * TICK_HZ * windowS),
    acked_ratio: sent > 0 ? acked / sent : 0,
    missed,
    down_bytes_per_client_s: down / (plan.n * windowS),
    up_bytes_per_client_s: up / (plan.n * windowS),
    ack_latency_p50_ms: latency.percentile(50),
    ack_latency_p99_ms: latency.percentile(99),
    bot_cpu_ms_per_s: botCpu,
    machine_cpu_share: (figures.server_cpu_ms_per_s + botCpu) / (CORES * 1000),
  };
  const reason = invalidReason(plan.n, figures, bot);
  return reason === undefined
    ? { plan, valid: true, server: figures, bots: bot }
    : { plan, valid: false, invalid_reason: reason, server: figures, bots: bot };
}

/** Runs one system at one N; never throws, failures become invalid records. */
export async function runOnce(plan: RunPlan): Promise<RunRecord> {
  if (!isSystem(plan.system)) return { plan, valid: false, invalid_reason: `unknown system ${plan.system}` };
  let server: ServerProcess | undefined;
  let bots: BotFleet | undefined;
  try {
    server = await startServerProcess(plan.system);
    bots = await startBots(plan.system, server.port, plan.n, plan.procs);
    if (bots.connected < plan.n) {
      const why = bots.connectError ? ` (${bots.connectError})` : '';
      return {
        plan,
        valid: false,
        invalid_reason: `only ${bots.connected}/${plan.n} clients connected within ${CONNECT_DEADLINE_MS / 1000} s${why}`,
      };
    }
    return await measure(plan, server, bots);
  } catch (err) {
    const tail = server?.stderrTail();
    const msg = err instanceof Error ? err.message : String(err);
    return { plan, valid: false, invalid_reason: `error: ${msg}${tail ? ` [server: ${tail}]` : ''}` };
  } finally {
    await bots?.close();
    if (server) await stopServerProcess(server.child);
  }
}
