/** Load-generator process: connects its rooms' clients, sends inputs on the phase scheduler, reports over IPC. */
import { ROOM_SIZE, TICK_MS } from '../shared/arena-sim.js';
import {
  type BotCommand,
  type BotEvent,
  type BotReport,
  CONNECT_DEADLINE_MS,
  isSystem,
  PLAYING_DEADLINE_MS,
} from '../shared/bot-protocol.js';
import { createInputPattern, type PatternInput } from '../shared/input-pattern.js';
import type { BotClient } from './bot-client.js';
import { AckTracker, BotCounters } from './bot-counters.js';
import { type Scheduler, startScheduler } from './scheduler.js';
import { CONNECTORS } from './systems.js';

const ROOMS_IN_FLIGHT = 8;

const [system = '', portArg = '', firstArg = '', endArg = ''] = process.argv.slice(2);
if (!isSystem(system)) throw new Error(`bot: unknown system ${system}`);
const port = Number(portArg);
const firstRoom = Number(firstArg);
const endRoom = Number(endArg);
const connectRoom = CONNECTORS[system];

const counters = new BotCounters();
const clients: (BotClient | undefined)[] = [];
const trackers: AckTracker[] = [];
const patterns: (() => PatternInput)[] = [];
const seqs: number[] = [];
let scheduler: Scheduler | undefined;
let cpu = process.cpuUsage();
let windowStart = performance.now();

function emit(event: BotEvent): void {
  process.send?.(event);
}

async function connectAll(): Promise<{ failed: number; error?: string }> {
  const deadline = performance.now() + CONNECT_DEADLINE_MS;
  let nextRoom = firstRoom;
  let failed = 0;
  let error: string | undefined;
  const worker = async (): Promise<void> => {
    while (nextRoom < endRoom && performance.now() < deadline) {
      const room = nextRoom++;
      const base = (room - firstRoom) * ROOM_SIZE;
      const indices = Array.from({ length: ROOM_SIZE }, (_, s) => room * ROOM_SIZE + s);
      try {
        const got = await connectRoom({
          port,
          room,
          indices,
          counters,
          trackers: trackers.slice(base, base + ROOM_SIZE),
        });
        got.forEach((c, s) => {
          clients[base + s] = c;
        });
      } catch (err) {
        failed += ROOM_SIZE;
        error ??= err instanceof Error ? err.message : String(err);
      }
    }
  };
  await Promise.all(Array.from({ length: ROOMS_IN_FLIGHT }, worker));
  failed += Math.max(0, endRoom - nextRoom) * ROOM_SIZE;
  return error === undefined ? { failed } : { failed, error };
}

/** Waits (bounded) until every connected client's room applies inputs; see BotClient.playing. */
async function allPlaying(): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, PLAYING_DEADLINE_MS);
  });
  await Promise.race([Promise.all(clients.map((c) => c?.playing)), deadline]);
  clearTimeout(timer);
}

function sendInput(i: number): void {
  const client = clients[i];
  const pattern = patterns[i];
  if (!client || !pattern || !client.isOpen()) return;
  const seq = (seqs[i] ?? 0) + 1;
  seqs[i] = seq;
  const input = pattern();
  trackers[i]?.sent(seq, performance.now());
  client.send(seq, input.keys, input.aim);
  counters.sent++;
}

function report(): BotReport {
  const used = process.cpuUsage(cpu);
  return {
    clients: clients.length,
    connected: clients.filter((c) => c?.isOpen()).length,
    sent: counters.sent,
    missed: counters.missed,
    acked: counters.acked,
    bytes_up: counters.bytesUp,
    bytes_down: counters.bytesDown,
    window_s: (performance.now() - windowStart) / 1000,
    cpu_ms: (used.user + used.system) / 1000,
    latency: counters.latency.toSparse(),
  };
}

function onCommand(msg: BotCommand): void {
  if (msg.cmd === 'go') {
    scheduler = startScheduler(clients.length, TICK_MS, sendInput, (n) => (counters.missed += n));
  } else if (msg.cmd === 'reset') {
    counters.reset();
    cpu = process.cpuUsage();
    windowStart = performance.now();
  } else if (msg.cmd === 'collect') {
    emit({ ev: 'report', report: report() });
    return;
  } else {
    scheduler?.stop();
    for (const c of clients) c?.close();
    setTimeout(() => process.exit(0), 100);
  }
  emit({ ev: 'ack', cmd: msg.cmd });
}

const total = (endRoom - firstRoom) * ROOM_SIZE;
for (let i = 0; i < total; i++) {
  trackers.push(new AckTracker(counters));
  patterns.push(createInputPattern(firstRoom * ROOM_SIZE + i));
  clients.push(undefined);
}
process.on('message', (m) => onCommand(m as BotCommand));
process.on('disconnect', () => process.exit(0));
const { failed, error } = await connectAll();
await allPlaying();
emit(
  error === undefined
    ? { ev: 'connected', clients: total - failed, failed }
    : { ev: 'connected', clients: total - failed, failed, error },
);
