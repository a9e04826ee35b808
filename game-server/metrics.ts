/**
 * The server's Prometheus metrics (prom-client) on a registry it owns: rooms, players, tick cost and
 * lateness, bytes, dropped frames and inputs, closes by reason, and the default process metrics.
 */
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { CloseCode } from '../protocol/index.js';

/** Tick duration buckets (ms): fine below the 33 ms budget of a 30 Hz tick, coarse above it. */
export const TICK_DURATION_BUCKETS_MS = [0.25, 0.5, 1, 2, 4, 8, 12, 16, 20, 25, 33, 50, 100, 250];
/** Tick lateness buckets (ms): how far after its due time a tick ran. */
export const TICK_LATENESS_BUCKETS_MS = [0.5, 1, 2, 5, 10, 16, 33, 66, 100, 250, 1000];

/** The close reasons a label may take; anything else is counted as 'other' (bounded cardinality). */
export const CLOSE_REASONS = [
  'normal',
  'going_away',
  'server_shutdown',
  'server_draining',
  'drained',
  'bad_message',
  'version_mismatch',
  'rate_limited',
  'room_full',
  'room_not_found',
  'room_closed',
  'kicked',
  'slow_consumer',
  'too_large',
  'abnormal',
  'resume_expired',
  'other',
] as const;
/** One of CLOSE_REASONS. */
export type CloseReason = (typeof CLOSE_REASONS)[number];

const KNOWN_REASONS: ReadonlySet<string> = new Set(CLOSE_REASONS);
const REASON_BY_CODE: ReadonlyMap<number, CloseReason> = new Map<number, CloseReason>([
  [CloseCode.Normal, 'normal'],
  [CloseCode.GoingAway, 'going_away'],
  [1006, 'abnormal'],
  [CloseCode.BadMessage, 'bad_message'],
  [CloseCode.VersionMismatch, 'version_mismatch'],
  [CloseCode.RateLimited, 'rate_limited'],
  [CloseCode.RoomFull, 'room_full'],
  [CloseCode.RoomNotFound, 'room_not_found'],
  [CloseCode.RoomClosed, 'room_closed'],
  [CloseCode.Kicked, 'kicked'],
  [CloseCode.SlowConsumer, 'slow_consumer'],
]);

/** The label of a close: a close code, or a reason text whose first word ("kicked: ...") is known. */
export function closeReasonLabel(reason: number | string): CloseReason {
  if (typeof reason === 'number') return REASON_BY_CODE.get(reason) ?? 'other';
  const word = reason.split(':', 1)[0]?.trim().toLowerCase() ?? '';
  return KNOWN_REASONS.has(word) ? (word as CloseReason) : 'other';
}

/** Per-room drop counters as the room keeps them (a subset of RoomStats). */
export interface RoomDropStats {
  readonly stateFramesSkipped: number;
  readonly framesDropped: number;
  readonly inputsDropped: number;
  readonly inputsLate: number;
}

/** What the gauges read at scrape time, when given. */
export interface MetricsSample {
  readonly rooms: number;
  readonly players: number;
}

/** Options of createMetrics. */
export interface MetricsOptions {
  /** Read at every scrape to set the rooms and players gauges (else set them yourself). */
  readonly sample?: () => MetricsSample;
  /** Read at every scrape: the round trips connected players last reported (ms), for tickfire_player_rtt_ms. */
  readonly playerRtts?: () => readonly number[];
  /** Collect prom-client's default process metrics (CPU, memory, event loop lag). @default true */
  readonly processMetrics?: boolean;
}

/** The server's metrics. */
export interface ServerMetrics {
  readonly registry: Registry;
  readonly rooms: Gauge;
  readonly players: Gauge;
  readonly tickDuration: Histogram;
  readonly tickLateness: Histogram;
  readonly bytesIn: Counter;
  readonly bytesOut: Counter;
  /** Adds received payload bytes; cheaper than bytesIn.inc on the per-frame path (folded in at each scrape). */
  countBytesIn(n: number): void;
  /** Adds sent payload bytes; cheaper than bytesOut.inc on the per-frame path (folded in at each scrape). */
  countBytesOut(n: number): void;
  readonly stateFramesSkipped: Counter;
  readonly framesDropped: Counter;
  readonly inputsDropped: Counter;
  readonly inputsLate: Counter;
  readonly closes: Counter<'reason'>;
  /** Counts a close under the first word of `reason` when known ("kicked: ..."), else under `code`. */
  recordClose(code: number, reason: string): void;
  /**
   * Adds what a room's cumulative drop counters grew by since the last call for that room (call it
   * every tick or at each scrape, and once more before forgetRoom).
   */
  addRoomStats(code: string, stats: RoomDropStats): void;
  /** Forgets a disposed room's last seen counters. */
  forgetRoom(code: string): void;
}

/** Creates the metrics on a new registry (never prom-client's global one). */
export function createMetrics(opts: MetricsOptions = {}): ServerMetrics {
  const registry = new Registry();
  const registers = [registry];
  if (opts.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  const sample = opts.sample;
  const rooms: Gauge = new Gauge({
    name: 'tickfire_rooms',
    help: 'Rooms alive in this process',
    registers,
    ...(sample ? { collect: () => rooms.set(sample().rooms) } : {}),
  });
  const players: Gauge = new Gauge({
    name: 'tickfire_players',
    help: 'Players connected to this process',
    registers,
    ...(sample ? { collect: () => players.set(sample().players) } : {}),
  });
  const rtts = opts.playerRtts;
  if (rtts) playerRttGauge(registers, rtts);
  const counter = (name: string, help: string) => new Counter({ name, help, registers });
  // Per-frame byte counts add to plain numbers: prom-client's inc checks labels and hashes on every call.
  const pending = { in: 0, out: 0 };
  const bytesCounter = (name: string, help: string, key: 'in' | 'out'): Counter =>
    new Counter({
      name,
      help,
      registers,
      collect() {
        if (pending[key] > 0) this.inc(pending[key]);
        pending[key] = 0;
      },
    });
  const closes = new Counter({
    name: 'tickfire_closes_total',
    help: 'WebSocket connections closed, by reason',
    labelNames: ['reason'] as const,
    registers,
  });
  const m = {
    registry,
    rooms,
    players,
    tickDuration: new Histogram({
      name: 'tickfire_tick_duration_ms',
      help: 'Wall time of one tick pass over the rooms of one tick phase (ms)',
      buckets: TICK_DURATION_BUCKETS_MS,
      registers,
    }),
    tickLateness: new Histogram({
      name: 'tickfire_tick_lateness_ms',
      help: 'How late a tick started after its due time (ms)',
      buckets: TICK_LATENESS_BUCKETS_MS,
      registers,
    }),
    bytesIn: bytesCounter('tickfire_bytes_in_total', 'WebSocket payload bytes received', 'in'),
    bytesOut: bytesCounter('tickfire_bytes_out_total', 'WebSocket payload bytes sent', 'out'),
    stateFramesSkipped: counter(
      'tickfire_state_frames_skipped_total',
      'State frames skipped because the socket was buffering (latest state wins)',
    ),
    framesDropped: counter('tickfire_frames_dropped_total', 'Frames uWS dropped over maxBackpressure'),
    inputsDropped: counter(
      'tickfire_inputs_dropped_total',
      'Inputs refused (duplicate, stale or future seq)',
    ),
    inputsLate: counter('tickfire_inputs_late_total', 'Inputs skipped to catch up after a burst'),
    closes,
  };
  const seen = new Map<string, RoomDropStats>();
  const grow = (c: Counter, next: number, prev: number) => {
    if (next > prev) c.inc(next - prev);
  };
  return {
    ...m,
    countBytesIn: (n) => {
      pending.in += n;
    },
    countBytesOut: (n) => {
      pending.out += n;
    },
    recordClose: (code, reason) => {
      const label = closeReasonLabel(reason);
      closes.inc({ reason: label === 'other' ? closeReasonLabel(code) : label });
    },
    addRoomStats(code, stats) {
      const prev = seen.get(code) ?? {
        stateFramesSkipped: 0,
        framesDropped: 0,
        inputsDropped: 0,
        inputsLate: 0,
      };
      grow(m.stateFramesSkipped, stats.stateFramesSkipped, prev.stateFramesSkipped);
      grow(m.framesDropped, stats.framesDropped, prev.framesDropped);
      grow(m.inputsDropped, stats.inputsDropped, prev.inputsDropped);
      grow(m.inputsLate, stats.inputsLate, prev.inputsLate);
      seen.set(code, { ...stats });
    },
    forgetRoom: (code) => {
      seen.delete(code);
    },
  };
}

/** The /metrics answer: `metrics` plus any other registries (e.g. NetCounters'), in the text format. */
export async function renderMetrics(
  metrics: ServerMetrics,
  ...others: readonly Registry[]
): Promise<{ contentType: string; text: string }> {
  const registry = others.length === 0 ? metrics.registry : Registry.merge([metrics.registry, ...others]);
  return { contentType: registry.contentType, text: await registry.metrics() };
}

/** Quantiles of tickfire_player_rtt_ms. */
const RTT_QUANTILES = [0.5, 0.9, 0.99] as const;

/**
 * tickfire_player_rtt_ms{quantile}: the median, p90 and p99 of the round trips the connected players
 * last reported (ms), read at scrape time (no series while nobody reported).
 */
function playerRttGauge(registers: Registry[], read: () => readonly number[]): void {
  new Gauge({
    name: 'tickfire_player_rtt_ms',
    help: 'Round trip the connected players last reported (ms), quantiles over players at scrape time',
    labelNames: ['quantile'] as const,
    registers,
    collect() {
      this.reset();
      const sorted = [...read()].sort((a, b) => a - b);
      if (sorted.length === 0) return;
      for (const q of RTT_QUANTILES) {
        const at = Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1);
        this.set({ quantile: String(q) }, sorted[Math.max(0, at)] as number);
      }
    },
  });
}
