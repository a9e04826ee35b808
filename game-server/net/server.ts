/** The network layer: one uWS app serving the WebSocket endpoint, the HTTP API and the built client. */

import uWS from 'uWebSockets.js';
import { Registry } from 'prom-client';
import { CloseCode, WS_PATH } from '../../protocol/index.js';
import { ClusterMatchmaker } from '../cluster/cluster-matchmaker.js';
import type { ClusterDirectory } from '../cluster/index.js';
import type { Config } from '../config.js';
import { createLogger, type Logger } from '../logger.js';
import { createMetrics, type ServerMetrics } from '../metrics.js';
import { assertNativeUws, uwsIsNative } from '../native.js';
import { createLoop, type Loop } from '../room/loop.js';
import { Matchmaker } from '../room/matchmaker.js';
import type { Room } from '../room/room.js';
import { type RegistryOptions, RoomRegistry } from '../room/room-registry.js';
import type { Timers } from '../room/timers.js';
import { AddressLimits } from './address-limits.js';
import { registerAdminChatRoute } from './admin-chat-route.js';
import { registerAdminRoutes } from './admin-routes.js';
import { adminTarget } from './admin-target.js';
import { registerApiRoutes } from './api-routes.js';
import { type ClusterNode, startClusterNode } from './cluster-node.js';
import { clusterResumeLocator } from './cluster-resume-locator.js';
import { registerClusterRoutes } from './cluster-routes.js';
import { NetCounters } from './counters.js';
import { registerCreateRoom } from './create-room.js';
import { DRAIN_REASON, drainRooms } from './drain.js';
import { replyText } from './http-reply.js';
import { type HttpsRedirect, startHttpsRedirect } from './https-redirect.js';
import { createIoBatching, IO_BATCH_MIN_SOCKETS, type IoBatching } from './io-batching.js';
import { listenExclusive, listenRefusal } from './listen.js';
import { createLimitedLog } from './log-limiter.js';
import { registerMetrics } from './metrics-route.js';
import { registerReadinessRoutes } from './readiness-routes.js';
import { createRefuser } from './refuse.js';
import { createRequestGuard } from './request-guard.js';
import { ResumeService } from './resume-upgrade.js';
import { announceToRoom } from './room-sockets.js';
import { createTickPass, type TickObserver } from './server-tick.js';
import type { SessionData } from './session.js';
import { sweepIntervalMs, sweepSlowConsumers } from './slow-consumers.js';
import { loadStaticFiles, registerStatic } from './static-files.js';
import { createWsBehavior } from './ws-behavior.js';

/** Close reason sent to every client on shutdown. */
export const SHUTDOWN_REASON = 'server_shutdown: the server is restarting, rejoin in a moment';

/** A listening server. */
export interface RunningServer {
  /** The port actually bound (useful with port 0). */
  readonly port: number;
  /** It serves https and wss (--tls-cert), else http and ws. */
  readonly tls: boolean;
  /** The plain-http port redirecting to https (--http-redirect-port), or null. */
  readonly httpRedirectPort: number | null;
  readonly registry: RoomRegistry;
  readonly matchmaker: Matchmaker;
  readonly loop: Loop;
  /** Refusal counters (also served at GET /metrics). */
  readonly counters: NetCounters;
  /** Per-address connection counts and join buckets. */
  readonly addressLimits: AddressLimits;
  /** The Prometheus metrics (served at GET /metrics with the counters). */
  readonly metrics: ServerMetrics;
  /** The cluster directory in Redis mode, else null. */
  readonly directory: ClusterDirectory | null;
  /** Resume tokens and seats held for dropped players. */
  readonly resume: ResumeService;
  /** Open WebSockets right now. */
  readonly openSockets: number;
  /** The input batcher, or null with --io-batch-ms 0. */
  readonly ioBatching: IoBatching | null;
  /** Bytes waiting in the send buffers of all open WebSockets (user space, beyond the kernel's). */
  bufferedBytes(): number;
  /**
   * Graceful stop (SIGTERM): no new rooms or joins (readiness 503, draining in Redis), rounds finish up
   * to `deadlineMs`, remaining sockets end with 1001 + DRAIN_REASON, then close().
   */
  drain(deadlineMs: number): Promise<void>;
  /** Stops ticking, stops listening, ends every socket with 1001 and `reason`, leaves the cluster. */
  close(reason?: string): Promise<void>;
}

/** Optional injections for tests. */
export interface ServerDeps {
  readonly now?: () => number;
  readonly timers?: Timers;
  /** Observer of tick cost (benchmarks): wall ms of the whole server tick and of each room's tick. */
  readonly onTickMeasured?: TickObserver;
  /** Cluster key prefix (tests keep clusters apart on one Redis). @default 'tickfire:' */
  readonly clusterKeyPrefix?: string;
  /** Players quick-play rooms are filled up to with bots. @default QUICK_PLAY_MIN_PLAYERS (4) */
  readonly quickPlayBots?: number;
  /** Round settings of every room (tests: short rounds, low kill targets). */
  readonly roomDefaults?: RegistryOptions['roomDefaults'];
}

/** Starts the server described by `config`; rejects if uWS is not native or the port cannot be bound. */
export async function startServer(
  config: Config,
  logger?: Logger,
  deps: ServerDeps = {},
): Promise<RunningServer> {
  const log = logger ?? createLogger(config);
  assertNativeUws();
  const native = uwsIsNative();
  if (!native) throw new Error('uWebSockets.js native binary not loaded (no uws_*.node in the process)');
  const now = deps.now ?? (() => performance.now());

  let directory: ClusterDirectory | null = null;
  const warn = (obj: object, msg: string) => log.warn(obj, msg);
  const resume = new ResumeService({
    locator: clusterResumeLocator(() => directory, warn),
    graceS: config.resumeGraceS,
    maxHeldPerIp: config.maxHeldSeatsPerIp,
    room: (code) => registry.get(code),
    ...(deps.timers ? { timers: deps.timers } : {}),
  });
  const removed = new Set<(room: Room) => void>();
  removed.add((room) => resume.releaseRoom(room.code));
  const registry = new RoomRegistry({
    onRemove: (room) => {
      for (const l of removed) l(room);
    },
    maxRooms: config.maxRooms,
    tickHz: config.tickRate,
    snapshotHz: config.snapshotRate,
    emptyTtlMs: config.emptyRoomTtlS * 1000,
    tickPhases: config.tickPhases,
    now,
    ...(deps.timers ? { timers: deps.timers } : {}),
    ...(deps.roomDefaults ? { roomDefaults: deps.roomDefaults } : {}),
  });
  const matchmaker = new Matchmaker(registry, config.maxPlayers, deps.quickPlayBots);
  const files = loadStaticFiles(config.staticDir);
  if (!files.has('/index.html'))
    log.warn({ staticDir: config.staticDir }, 'client not built: run npm run build');

  const counters = new NetCounters();
  const addressLimits = new AddressLimits({ ...config, now });
  const refuse = createRefuser(counters, createLimitedLog(log, now));
  const sockets = new Set<uWS.WebSocket<SessionData>>();
  const guard = createRequestGuard({ ...config, limits: addressLimits, counters });
  const metrics = createMetrics({
    sample: () => ({ rooms: registry.size, players: registry.playerCount }),
    playerRtts: () => {
      const out: number[] = [];
      for (const room of registry.all()) room.reportedRtts(out);
      return out;
    },
  });
  removed.add((room) => {
    metrics.addRoomStats(room.code, room.stats);
    metrics.forgetRoom(room.code);
  });
  const deliver = (code: string, from: string, text: string) =>
    announceToRoom(sockets, code, from, text, now());

  const node = await startCluster(config, registry, log, deliver, deps.clusterKeyPrefix);
  directory = node?.directory ?? null;
  if (node) removed.add((room) => node.roomRemoved(room));

  // SSLApp reads the files itself; parseTls checked them, so a bad file never gets this far.
  const app = config.tls
    ? uWS.SSLApp({ cert_file_name: config.tls.certFile, key_file_name: config.tls.keyFile })
    : uWS.App();
  app.ws(
    WS_PATH,
    createWsBehavior({
      matchmaker,
      config,
      limits: addressLimits,
      counters,
      refuse,
      sockets,
      log,
      now,
      resume,
      registry,
      directory,
      metrics,
    }),
  );
  const lobby = directory === null;
  registerApiRoutes(app, { registry, matchmaker, native, startedAt: now(), now, guard, resume, lobby });
  registerReadinessRoutes(app, { registry, directory });
  if (directory) {
    const cluster = new ClusterMatchmaker(directory, config.maxPlayers);
    const defaultMaxPlayers = config.maxPlayers;
    registerClusterRoutes(app, { directory, matchmaker: cluster, defaultMaxPlayers, guard, warn });
  } else {
    const origin = { tls: config.tls !== null, trustProxy: config.trustProxy };
    registerCreateRoom(app, registry, config.maxPlayers, guard, origin);
  }
  registerMetrics(app, Registry.merge([metrics.registry, counters.registry]));
  if (config.adminToken)
    registerAdminChatRoute(app, { token: config.adminToken, registry, directory, deliver, log });
  registerAdminRoutes(app, adminTarget(registry, sockets), config.adminToken, log);
  registerStatic(app, files);
  app.any('/*', (res) => replyText(res, 405, 'method not allowed'));

  const tickMs = 1000 / config.tickRate;
  const pass = createTickPass({ registry, log, metrics, tickMs, now, observe: deps.onTickMeasured });
  const batching =
    config.ioBatchMs > 0
      ? createIoBatching({
          sliceMs: config.ioBatchMs,
          active: () => sockets.size >= IO_BATCH_MIN_SOCKETS,
          nextDueAt: () => loop.nextDueAt,
          now,
        })
      : null;
  const loop = createLoop({
    tickMs: pass.passMs,
    now,
    onTick: (n) => {
      pass.onTick(n);
      batching?.resume();
    },
  });

  let listenSocket: uWS.us_listen_socket | undefined;
  let port = 0;
  let redirect: HttpsRedirect | null = null;
  try {
    listenSocket = await new Promise<uWS.us_listen_socket>((resolve, reject) => {
      listenExclusive(app, config.host, config.port, (ls) => {
        if (ls) resolve(ls);
        else reject(new Error(listenRefusal(config.host, config.port)));
      });
    });
    port = uWS.us_socket_local_port(listenSocket as uWS.us_socket);
    if (config.httpRedirectPort !== null)
      redirect = await startHttpsRedirect(config.host, config.httpRedirectPort, port);
  } catch (err) {
    if (listenSocket) uWS.us_listen_socket_close(listenSocket);
    await node?.close();
    throw err;
  }
  loop.start();
  pass.started(loop);
  const slow = { bytes: config.slowConsumerBytes, ms: config.slowConsumerMs, now, refuse };
  const sweep = setInterval(() => {
    sweepSlowConsumers(sockets, slow);
    addressLimits.prune();
  }, sweepIntervalMs(config.slowConsumerMs));
  sweep.unref();

  let closing: Promise<void> | undefined;
  const running: RunningServer = {
    port,
    tls: config.tls !== null,
    httpRedirectPort: redirect?.port ?? null,
    registry,
    matchmaker,
    loop,
    counters,
    addressLimits,
    resume,
    metrics,
    directory,
    ioBatching: batching,
    get openSockets() {
      return sockets.size;
    },
    bufferedBytes() {
      let n = 0;
      for (const ws of sockets) n += ws.getBufferedAmount();
      return n;
    },
    async drain(deadlineMs) {
      if (closing) return closing;
      registry.startDraining();
      log.info({ deadlineMs, rooms: registry.size }, 'draining: no new rooms or joins');
      await directory
        ?.drain()
        .catch((err: unknown) => log.warn({ err }, 'draining: cannot tell the cluster'));
      await drainRooms(registry, {
        deadlineMs,
        now,
        onClosed: (room, roundEnded) => log.info({ room, roundEnded }, 'draining: room closed'),
      });
      await running.close(DRAIN_REASON);
    },
    close(reason = SHUTDOWN_REASON) {
      closing ??= (async () => {
        loop.stop();
        batching?.stop();
        clearInterval(sweep);
        uWS.us_listen_socket_close(listenSocket);
        redirect?.close();
        registry.disposeAll(CloseCode.GoingAway, reason);
        resume.clear();
        // One turn of the event loop lets uWS flush the close frames.
        await new Promise<void>((r) => setImmediate(r));
        await node?.close().catch((err: unknown) => log.warn({ err }, 'cluster: close failed'));
      })();
      return closing;
    },
  };
  return running;
}

/** Joins the cluster when Redis mode is configured; null in embedded mode. */
function startCluster(
  config: Config,
  registry: RoomRegistry,
  log: Logger,
  deliverChat: (code: string, from: string, text: string) => void,
  keyPrefix: string | undefined,
): Promise<ClusterNode | null> {
  const { redisUrl, publicUrl } = config;
  if (redisUrl === null || publicUrl === null) return Promise.resolve(null);
  return startClusterNode({
    config: { ...config, redisUrl, publicUrl },
    registry,
    log,
    deliverChat,
    ...(keyPrefix === undefined ? {} : { keyPrefix }),
  });
}
