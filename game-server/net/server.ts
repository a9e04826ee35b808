/** The network layer: one uWS app serving the WebSocket endpoint, the HTTP API and the built client. */
import uWS from 'uWebSockets.js';
import { CloseCode, WS_PATH } from '../../protocol/index.js';
import type { Config } from '../config.js';
import { createLogger, type Logger } from '../logger.js';
import { assertNativeUws, uwsIsNative } from '../native.js';
import { createLoop, type Loop } from '../room/loop.js';
import { Matchmaker } from '../room/matchmaker.js';
import { RoomRegistry } from '../room/room-registry.js';
import type { Timers } from '../room/timers.js';
import { AddressLimits } from './address-limits.js';
import { registerApiRoutes } from './api-routes.js';
import { NetCounters } from './counters.js';
import { registerCreateRoom } from './create-room.js';
import { replyText } from './http-reply.js';
import { createLimitedLog } from './log-limiter.js';
import { registerMetrics } from './metrics-route.js';
import { createRefuser } from './refuse.js';
import { createRequestGuard } from './request-guard.js';
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
  readonly registry: RoomRegistry;
  readonly matchmaker: Matchmaker;
  readonly loop: Loop;
  /** Refusal counters (also served at GET /metrics). */
  readonly counters: NetCounters;
  /** Per-address connection counts and join buckets. */
  readonly addressLimits: AddressLimits;
  /** Open WebSockets right now. */
  readonly openSockets: number;
  /** Bytes waiting in the send buffers of all open WebSockets (user space, beyond the kernel's). */
  bufferedBytes(): number;
  /** Stops ticking, stops listening, and ends every socket with 1001 and `reason`. */
  close(reason?: string): Promise<void>;
}

/** Optional injections for tests. */
export interface ServerDeps {
  readonly now?: () => number;
  readonly timers?: Timers;
  /** Observer of tick cost (benchmarks): wall ms of the whole server tick and of each room's tick. */
  readonly onTickMeasured?: (allMs: number, roomMs: readonly number[]) => void;
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

  const registry = new RoomRegistry({
    maxRooms: config.maxRooms,
    tickHz: config.tickRate,
    snapshotHz: config.snapshotRate,
    emptyTtlMs: config.emptyRoomTtlS * 1000,
    now,
    ...(deps.timers ? { timers: deps.timers } : {}),
  });
  const matchmaker = new Matchmaker(registry, config.maxPlayers);
  const files = loadStaticFiles(config.staticDir);
  if (!files.has('/index.html'))
    log.warn({ staticDir: config.staticDir }, 'client not built: run npm run build');

  const counters = new NetCounters();
  const addressLimits = new AddressLimits({ ...config, now });
  const refuse = createRefuser(counters, createLimitedLog(log, now));
  const sockets = new Set<uWS.WebSocket<SessionData>>();
  const guard = createRequestGuard({ ...config, limits: addressLimits, counters });

  const app = uWS.App();
  app.ws(
    WS_PATH,
    createWsBehavior({ matchmaker, config, limits: addressLimits, counters, refuse, sockets, log, now }),
  );
  registerApiRoutes(app, { registry, matchmaker, native, startedAt: now(), now, guard });
  registerCreateRoom(app, registry, config.maxPlayers, guard);
  registerMetrics(app, counters.registry);
  registerStatic(app, files);
  app.any('/*', (res) => replyText(res, 405, 'method not allowed'));

  const loop = createLoop({
    tickMs: 1000 / config.tickRate,
    now,
    onTick: () => tickAll(registry, log, deps.onTickMeasured),
  });

  const listenSocket = await new Promise<uWS.us_listen_socket>((resolve, reject) => {
    app.listen(config.host, config.port, (ls) => {
      if (ls) resolve(ls);
      else reject(new Error(`cannot listen on ${config.host}:${config.port}`));
    });
  });
  loop.start();
  const slow = { bytes: config.slowConsumerBytes, ms: config.slowConsumerMs, now, refuse };
  const sweep = setInterval(() => {
    sweepSlowConsumers(sockets, slow);
    addressLimits.prune();
  }, sweepIntervalMs(config.slowConsumerMs));
  sweep.unref();
  const port = uWS.us_socket_local_port(listenSocket as uWS.us_socket);

  let closing: Promise<void> | undefined;
  return {
    port,
    registry,
    matchmaker,
    loop,
    counters,
    addressLimits,
    get openSockets() {
      return sockets.size;
    },
    bufferedBytes() {
      let n = 0;
      for (const ws of sockets) n += ws.getBufferedAmount();
      return n;
    },
    close(reason = SHUTDOWN_REASON) {
      closing ??= (async () => {
        loop.stop();
        clearInterval(sweep);
        uWS.us_listen_socket_close(listenSocket);
        registry.disposeAll(CloseCode.GoingAway, reason);
        // One turn of the event loop lets uWS flush the close frames.
        await new Promise<void>((r) => setImmediate(r));
      })();
      return closing;
    },
  };
}

function tickAll(registry: RoomRegistry, log: Logger, observe: ServerDeps['onTickMeasured']): void {
  const onError = (room: { code: string }, err: unknown) =>
    log.error({ err, room: room.code }, 'room tick failed');
  if (!observe) {
    registry.tickAll(onError);
    return;
  }
  const roomMs: number[] = [];
  const t0 = performance.now();
  registry.tickAll(onError, (ms) => roomMs.push(ms));
  observe(performance.now() - t0, roomMs);
}
