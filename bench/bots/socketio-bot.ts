/** socket.io bots speaking Engine.IO v4 / Socket.IO v5 over a bare `ws` socket; acks are byte-searched. */
import type WebSocket from 'ws';
import type { BotClient, ConnectRoom, RoomJob } from './bot-client.js';
import { openSocket } from './ws-open.js';

const HELLO_TIMEOUT_MS = 20_000;
const SEQ_KEY = Buffer.from('"seq":');
const STATE_PREFIX = Buffer.from('42["state"');
const HELLO_PREFIX = '42["hello",{"id":';
const CHAR_0 = 48;

/** Reads the unsigned decimal integer at `at`. */
function readUint(buf: Buffer, at: number): number {
  let v = 0;
  for (let i = at; i < buf.length; i++) {
    const d = (buf[i] ?? 0) - CHAR_0;
    if (d < 0 || d > 9) break;
    v = v * 10 + d;
  }
  return v;
}

/** Finds this client's `{"id":K,` entry in a state packet and returns its `"seq":` value, or -1. */
function findOwnSeq(buf: Buffer, needle: Buffer): number {
  const at = buf.indexOf(needle);
  if (at < 0) return -1;
  const seqAt = buf.indexOf(SEQ_KEY, at + needle.length);
  return seqAt < 0 ? -1 : readUint(buf, seqAt + SEQ_KEY.length);
}

async function connectOne(job: RoomJob, slot: number): Promise<BotClient> {
  const { counters } = job;
  const tracker = job.trackers[slot];
  let needle: Buffer | null = null;
  let socket: WebSocket | undefined;
  let helloed: () => void = () => undefined;
  const hello = new Promise<void>((resolve) => {
    helloed = resolve;
  });
  const url = `ws://127.0.0.1:${job.port}/socket.io/?EIO=4&transport=websocket&room=${job.room}`;
  const ws = await openSocket(url, (data) => {
    counters.bytesDown += data.length;
    if (needle && STATE_PREFIX.compare(data, 0, STATE_PREFIX.length) === 0) {
      const seq = findOwnSeq(data, needle);
      if (seq >= 0) tracker?.ack(seq);
    } else if (data[0] === CHAR_0 + 2 && data.length === 1) {
      socket?.send('3');
    } else if (!needle && data.toString().startsWith(HELLO_PREFIX)) {
      needle = Buffer.from(`{"id":${readUint(data, HELLO_PREFIX.length)},`);
      helloed();
    }
  });
  socket = ws;
  ws.send('40'); // connect to the default namespace; the server's open packet needs no answer
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('socket.io: no hello')), HELLO_TIMEOUT_MS);
  });
  await Promise.race([hello, timeout]).finally(() => clearTimeout(timer));
  return {
    send(seq, keys, aim) {
      const packet = `42${JSON.stringify(['input', { seq, keys, aim }])}`;
      counters.bytesUp += Buffer.byteLength(packet);
      ws.send(packet);
    },
    isOpen: () => ws.readyState === ws.OPEN,
    close: () => ws.terminate(),
  };
}

/** Connects the 16 socket.io clients of a room with `?room=r`. */
export const connectSocketioRoom: ConnectRoom = (job) =>
  Promise.all(job.indices.map((_, slot) => connectOne(job, slot)));
