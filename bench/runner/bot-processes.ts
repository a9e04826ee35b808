/** Forks the load-generator processes of a run and drives them over IPC. */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ROOM_SIZE } from '../shared/arena-sim.js';
import {
  type BotCommand,
  type BotEvent,
  type BotReport,
  CONNECT_DEADLINE_MS,
  PLAYING_DEADLINE_MS,
  type SystemName,
} from '../shared/bot-protocol.js';
import { stopServerProcess } from './server-process.js';

const CONNECT_TIMEOUT_MS = CONNECT_DEADLINE_MS + PLAYING_DEADLINE_MS + 6_000;
const COMMAND_TIMEOUT_MS = 10_000;

/** The bot processes of one run. */
export interface BotFleet {
  readonly connected: number;
  readonly connectError?: string;
  command(cmd: 'go' | 'reset'): Promise<void>;
  collect(): Promise<BotReport[]>;
  close(): Promise<void>;
}

function nextEvent<E extends BotEvent['ev']>(
  child: ChildProcess,
  ev: E,
  ms: number,
): Promise<Extract<BotEvent, { ev: E }>> {
  return new Promise((resolve, reject) => {
    const onMessage = (m: unknown): void => {
      if ((m as BotEvent).ev !== ev) return;
      clearTimeout(timer);
      child.off('message', onMessage);
      resolve(m as Extract<BotEvent, { ev: E }>);
    };
    const timer = setTimeout(() => {
      child.off('message', onMessage);
      reject(new Error(`bot: no '${ev}' within ${ms} ms`));
    }, ms);
    child.on('message', onMessage);
  });
}

/** Forks `procs` bot processes that split the rooms between them and waits until all connected. */
export async function startBots(
  system: SystemName,
  port: number,
  n: number,
  procs: number,
): Promise<BotFleet> {
  const entry = fileURLToPath(new URL('../bots/bot-main.js', import.meta.url));
  const rooms = Math.ceil(n / ROOM_SIZE);
  const children: ChildProcess[] = [];
  for (let p = 0; p < procs; p++) {
    const first = Math.floor((rooms * p) / procs);
    const end = Math.floor((rooms * (p + 1)) / procs);
    children.push(fork(entry, [system, String(port), String(first), String(end)], { stdio: 'inherit' }));
  }
  const close = async (): Promise<void> => {
    for (const c of children) if (c.connected) c.send({ cmd: 'close' } satisfies BotCommand);
    await Promise.all(
      children.map((c) => Promise.race([new Promise((r) => c.once('exit', r)), stopLater(c)])),
    );
  };
  let events: Extract<BotEvent, { ev: 'connected' }>[];
  try {
    events = await Promise.all(children.map((c) => nextEvent(c, 'connected', CONNECT_TIMEOUT_MS)));
  } catch (err) {
    await close();
    throw err;
  }
  const connectError = events.find((e) => e.error)?.error;
  const send = async (cmd: BotCommand): Promise<void> => {
    const acks = children.map((c) => nextEvent(c, 'ack', COMMAND_TIMEOUT_MS));
    for (const c of children) c.send(cmd);
    await Promise.all(acks);
  };
  return {
    connected: events.reduce((s, e) => s + e.clients, 0),
    ...(connectError === undefined ? {} : { connectError }),
    command: (cmd) => send({ cmd }),
    async collect() {
      const reports = children.map((c) => nextEvent(c, 'report', COMMAND_TIMEOUT_MS));
      for (const c of children) c.send({ cmd: 'collect' } satisfies BotCommand);
      return (await Promise.all(reports)).map((e) => e.report);
    },
    close,
  };
}

async function stopLater(child: ChildProcess): Promise<void> {
  await new Promise((r) => setTimeout(r, 3000).unref());
  await stopServerProcess(child);
}
