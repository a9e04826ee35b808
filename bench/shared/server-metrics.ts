/** In-server figures of one measured window, shared by every bench server. */
import { readFileSync } from 'node:fs';
import { Samples } from './samples.js';

/**
 * CPU µs the main (JavaScript) thread used so far, from Linux's per-thread stat (utime + stime, in
 * clock ticks of 10 ms); null where /proc is missing. The rest of the process CPU is helper threads
 * (garbage collection, libuv pool).
 */
function mainThreadCpuUs(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the ")" that closes the command name: utime is field 14, stime 15 (1-based).
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return null;
  }
}

/** What `GET /stop` returns. */
export interface ServerReport {
  window_s: number;
  clients: number;
  server_cpu_ms_per_s: number;
  server_cpu_us_per_client_tick: number;
  ticks_per_s: number;
  tick_room_p50_ms: number;
  tick_room_p99_ms: number;
  tick_all_p50_ms: number | null;
  tick_all_p99_ms: number | null;
  server_ack_delay_p50_ms: number;
  server_ack_delay_p99_ms: number;
  server_rss_mb: number;
  dropped_sends: number;
  /** Diagnostics: the CPU split into user and kernel time, and the main thread's share (null off Linux). */
  server_cpu_user_ms_per_s: number;
  server_cpu_sys_ms_per_s: number;
  server_main_thread_ms_per_s: number | null;
}

/** Counters a server feeds during the window; `report` turns them into the figures. */
export class ServerMetrics {
  readonly tickRoom = new Samples();
  readonly tickAll = new Samples();
  readonly ackDelay = new Samples();
  /** Room ticks (one room stepping and sending once; colyseus: one patch). */
  roomTicks = 0;
  droppedSends = 0;
  private cpu = process.cpuUsage();
  private mainCpu = mainThreadCpuUs();
  private startedAt = performance.now();

  /** @param hasTickAll whether the server runs one loop over all rooms. */
  constructor(private readonly hasTickAll: boolean) {}

  /** Starts a window: clears counters and snapshots CPU and wall time. */
  start(): void {
    this.tickRoom.reset();
    this.tickAll.reset();
    this.ackDelay.reset();
    this.roomTicks = 0;
    this.droppedSends = 0;
    this.cpu = process.cpuUsage();
    this.mainCpu = mainThreadCpuUs();
    this.startedAt = performance.now();
  }

  /** Ends the window; `clients` and `rooms` are the current connected counts. */
  report(clients: number, rooms: number): ServerReport {
    const cpu = process.cpuUsage(this.cpu);
    const windowS = (performance.now() - this.startedAt) / 1000;
    const cpuUs = cpu.user + cpu.system;
    const mainNow = mainThreadCpuUs();
    const mainUs = mainNow !== null && this.mainCpu !== null ? mainNow - this.mainCpu : null;
    const ticksPerRoom = rooms > 0 ? this.roomTicks / rooms : 0;
    return {
      window_s: windowS,
      clients,
      server_cpu_ms_per_s: cpuUs / 1000 / windowS,
      server_cpu_us_per_client_tick: ticksPerRoom > 0 ? cpuUs / (clients * ticksPerRoom) : Number.NaN,
      ticks_per_s: ticksPerRoom / windowS,
      tick_room_p50_ms: this.tickRoom.percentile(50),
      tick_room_p99_ms: this.tickRoom.percentile(99),
      tick_all_p50_ms: this.hasTickAll ? this.tickAll.percentile(50) : null,
      tick_all_p99_ms: this.hasTickAll ? this.tickAll.percentile(99) : null,
      server_ack_delay_p50_ms: this.ackDelay.percentile(50),
      server_ack_delay_p99_ms: this.ackDelay.percentile(99),
      server_rss_mb: process.memoryUsage.rss() / 1048576,
      dropped_sends: this.droppedSends,
      server_cpu_user_ms_per_s: cpu.user / 1000 / windowS,
      server_cpu_sys_ms_per_s: cpu.system / 1000 / windowS,
      server_main_thread_ms_per_s: mainUs === null ? null : mainUs / 1000 / windowS,
    };
  }
}
