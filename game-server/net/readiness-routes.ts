/** GET /readyz (load balancer readiness) and GET /api/stats (player counts, cluster-wide in Redis mode). */
import type uWS from 'uWebSockets.js';
import type { ClusterDirectory } from '../cluster/index.js';
import type { RoomRegistry } from '../room/room-registry.js';
import { deferReply } from './async-reply.js';
import { replyJson } from './http-reply.js';

/** What the routes read. */
export interface ReadinessDeps {
  readonly registry: RoomRegistry;
  readonly directory: ClusterDirectory | null;
}

/** Why this process should not get new players right now, or null when it is ready. */
export function notReadyReason(d: ReadinessDeps): string | null {
  if (d.registry.draining) return 'draining';
  if (d.directory && !d.directory.isHealthy) return 'redis_unavailable';
  return null;
}

/** Registers GET /readyz (200 or 503 with the reason) and GET /api/stats. */
export function registerReadinessRoutes(app: uWS.TemplatedApp, d: ReadinessDeps): void {
  app.get('/readyz', (res) => {
    const reason = notReadyReason(d);
    if (reason === null) replyJson(res, 200, { ready: true });
    else replyJson(res, 503, { ready: false, reason });
  });

  app.get('/api/stats', (res) => {
    const local = { rooms: d.registry.size, players: d.registry.playerCount };
    const directory = d.directory;
    if (!directory) {
      replyJson(res, 200, { ...local, globalPlayers: local.players, nodes: 1 });
      return;
    }
    const reply = deferReply(res);
    directory.liveNodes().then(
      (nodes) => {
        let globalPlayers = 0;
        for (const n of nodes.values()) globalPlayers += n.players;
        reply.send(() => replyJson(res, 200, { ...local, globalPlayers, nodes: nodes.size }));
      },
      () => reply.send(() => replyJson(res, 503, { ...local, error: 'redis_unavailable' })),
    );
  });
}
