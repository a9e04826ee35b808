/** Tickfire: the real server and game rules, started through game-server's startServer(config). */
import { parseConfig } from '../../game-server/config.js';
import { startServer } from '../../game-server/net/server.js';
import { announceReady, startControlServer } from '../shared/control-server.js';
import { ServerMetrics } from '../shared/server-metrics.js';

/** Runs the bench's tickfire server with `extraFlags` on top of the bench's own (e.g. TLS). */
export async function runTickfireBench(extraFlags: readonly string[]): Promise<void> {
  const metrics = new ServerMetrics(true);
  const flags = ['--host', '127.0.0.1', '--port', '0', '--log-level', 'warn', '--max-rooms', '1000'];
  // Every bot connects from 127.0.0.1: lift the per-address limits (they would refuse most of the fleet).
  flags.push('--max-conns-per-ip', '0', '--join-rate', '0', '--handshakes-per-s', '100000', ...extraFlags);
  // TICK_PHASES and IO_BATCH_MS pass through (to compare settings); nothing else of the environment does.
  const config = parseConfig([process.execPath, 'bench-tickfire', ...flags], {
    TICK_PHASES: process.env.TICK_PHASES,
    IO_BATCH_MS: process.env.IO_BATCH_MS,
  });

  const server = await startServer(config, undefined, {
    onTickMeasured: (allMs, roomMs) => {
      metrics.tickAll.add(allMs);
      for (const ms of roomMs) metrics.tickRoom.add(ms);
      metrics.roomTicks += roomMs.length;
    },
  });

  const count = (): { clients: number; rooms: number } => {
    let rooms = 0;
    for (const room of server.registry.all()) if (room.playerCount > 0) rooms++;
    return { clients: server.registry.playerCount, rooms };
  };
  const control = await startControlServer(metrics, count);
  announceReady({ port: server.port, control });
  process.once('SIGTERM', () => {
    void server.close().then(() => process.exit(0));
  });
}
