/** GET /metrics: the server's own prom-client registry in the Prometheus text format. */
import type uWS from 'uWebSockets.js';
import type { Registry } from 'prom-client';
import { replyText, statusLine } from './http-reply.js';

/** Registers GET /metrics over `registry`. */
export function registerMetrics(app: uWS.TemplatedApp, registry: Registry): void {
  app.get('/metrics', (res) => {
    let aborted = false;
    res.onAborted(() => {
      aborted = true;
    });
    registry.metrics().then(
      (text) => {
        if (aborted) return;
        res.cork(() => {
          res
            .writeStatus(statusLine(200))
            .writeHeader('Content-Type', registry.contentType)
            .writeHeader('Cache-Control', 'no-store')
            .end(text);
        });
      },
      () => {
        if (!aborted) res.cork(() => replyText(res, 500, 'metrics unavailable'));
      },
    );
  });
}
