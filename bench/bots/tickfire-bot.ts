/** Tickfire bots: rooms made with POST /api/rooms, real Input frames, tick and ack peeked from State frames. */

import { decodeServerMsg, encode } from '../../protocol/codec.js';
import { joinQuery } from '../../protocol/handshake.js';
import { angleToWire, ClientMsg, EventKind, ServerMsg } from '../../protocol/index.js';
import { ROOM_SIZE } from '../shared/arena-sim.js';
import type { BotClient, ConnectRoom, RoomJob } from './bot-client.js';
import { peekLeadingNumbers } from './msgpack-peek.js';
import { openSocket } from './ws-open.js';

/** Creates a private ROOM_SIZE-player room and returns its code. */
async function createRoom(port: number, room: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/rooms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: `bench ${room}`, maxPlayers: ROOM_SIZE, private: true }),
  });
  const body = (await res.json()) as { code?: unknown };
  if (!res.ok || typeof body.code !== 'string') throw new Error(`POST /api/rooms: HTTP ${res.status}`);
  return body.code;
}

/** True if `data` is an Event frame that starts a round (the countdown is over: inputs move players). */
function startsRound(data: Uint8Array): boolean {
  const msg = decodeServerMsg(data);
  return msg.ok && msg.msg[0] === ServerMsg.Event && msg.msg[2].some((e) => e[0] === EventKind.RoundStart);
}

/** [kind, tick, time, ack] of the State being read; reused by every bot of the process. */
const stateHead: number[] = [0, 0, 0, 0];

async function connectOne(job: RoomJob, code: string, slot: number): Promise<BotClient> {
  const name = `bot${job.indices[slot] ?? slot}`;
  const tracker = job.trackers[slot];
  const counters = job.counters;
  const url = `ws://127.0.0.1:${job.port}/ws?${joinQuery(name, { kind: 'code', code })}`;
  // Reads only what the ack needs, as the floor and socket.io bots do (WORKLOAD.md, "Bots"): the
  // State's tick, acknowledged back as baseTick, and its ack. What the server does is the same as for
  // a client that applies every delta (tests/protocol and the e2e suites cover that client).
  let baseTick = 0;
  let roundStarted = (): void => {};
  const playing = new Promise<void>((resolve) => {
    roundStarted = resolve;
  });
  const ws = await openSocket(url, (data) => {
    counters.bytesDown += data.length;
    if (data[1] === ServerMsg.Event && startsRound(data)) roundStarted();
    if (data[1] !== ServerMsg.State || !peekLeadingNumbers(data, 4, stateHead)) return;
    const tick = stateHead[1] as number;
    if (tick > baseTick) baseTick = tick;
    tracker?.ack(stateHead[3] as number);
  });
  return {
    send(seq, keys, aim) {
      const frame = encode([ClientMsg.Input, seq, keys, angleToWire(aim), baseTick, 0]);
      counters.bytesUp += frame.byteLength;
      ws.send(frame);
    },
    isOpen: () => ws.readyState === ws.OPEN,
    playing,
    close: () => ws.terminate(),
  };
}

/** Creates the room over HTTP, then connects its 16 clients by code. */
export const connectTickfireRoom: ConnectRoom = async (job) => {
  const code = await createRoom(job.port, job.room);
  return Promise.all(job.indices.map((_, slot) => connectOne(job, code, slot)));
};
