/** In-server figures of one measured window, shared by every bench server. */
import { Samples } from './samples.js';

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
    this.startedAt = performance.now();
  }

  /** Ends the window; `clients` and `rooms` are the current connected counts. */
  report(clients: number, rooms: number): ServerReport {
    const cpu = process.cpuUsage(this.cpu);
    const windowS = (performance.now() - this.startedAt) / 1000;
    const cpuUs = cpu.user + cpu.system;
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
    };
  }
}
