/** The control HTTP port every bench server opens: GET /start and GET /stop around the window. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ServerMetrics } from './server-metrics.js';

/** Current client and room counts of a server. */
export type CountClients = () => { clients: number; rooms: number };

/** Starts the control server on 127.0.0.1 (port 0) and resolves with its port. */
export function startControlServer(metrics: ServerMetrics, count: CountClients): Promise<number> {
  const server = createServer((req, res) => {
    if (req.url === '/start') {
      metrics.start();
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    } else if (req.url === '/stop') {
      const { clients, rooms } = count();
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify(metrics.report(clients, rooms)));
    } else {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

/** Prefix of the stdout line a server prints once it listens. */
export const READY_PREFIX = 'BENCH_READY ';

/** Where a bench server listens. */
export interface ReadyInfo {
  port: number;
  control: number;
}

/** Announces on stdout that the server listens (the runner waits for this line). */
export function announceReady(info: ReadyInfo): void {
  process.stdout.write(`${READY_PREFIX}${JSON.stringify(info)}\n`);
}
