/** Tickfire bots: rooms made with POST /api/rooms, real Input frames, tick and ack peeked from State frames. */

import { decodeServerMsg, encode } from '../../protocol/codec.js';
import { joinQuery } from '../../protocol/handshake.js';
import { angleToWire, ClientMsg, EventKind, ServerMsg } from '../../protocol/index.js';
import { ROOM_SIZE } from '../shared/arena-sim.js';
import { benchTlsCa, httpRequest } from '../shared/bench-tls.js';
import type { BotClient, ConnectRoom, RoomJob } from './bot-client.js';
import { peekLeadingNumbers } from './msgpack-peek.js';
import { openSocket } from './ws-open.js';

/** How the bots reach the server: plain (no `ca`), or TLS trusting only `ca`. */
interface Transport {
  readonly ca?: Buffer;
}

/** Creates a private ROOM_SIZE-player room and returns its code. */
async function createRoom(port: number, room: number, t: Transport): Promise<string> {
  const url = `${t.ca ? 'https' : 'http'}://127.0.0.1:${port}/api/rooms`;
  const body = JSON.stringify({ name: `bench ${room}`, maxPlayers: ROOM_SIZE, private: true });
  const res = await httpRequest(url, { method: 'POST', body, ...t });
  const parsed = JSON.parse(res.text) as { code?: unknown };
  if (res.status !== 201 || typeof parsed.code !== 'string')
    throw new Error(`POST /api/rooms: HTTP ${res.status}`);
  return parsed.code;
}

/** True if `data` is an Event frame that starts a round (the countdown is over: inputs move players). */
function startsRound(data: Uint8Array): boolean {
  const msg = decodeServerMsg(data);
  return msg.ok && msg.msg[0] === ServerMsg.Event && msg.msg[2].some((e) => e[0] === EventKind.RoundStart);
}

/** [kind, tick, time, ack] of the State being read; reused by every bot of the process. */
const stateHead: number[] = [0, 0, 0, 0];

async function connectOne(job: RoomJob, code: string, slot: number, t: Transport): Promise<BotClient> {
  const name = `bot${job.indices[slot] ?? slot}`;
  const tracker = job.trackers[slot];
  const counters = job.counters;
  const url = `${t.ca ? 'wss' : 'ws'}://127.0.0.1:${job.port}/ws?${joinQuery(name, { kind: 'code', code })}`;
  // Reads only what the ack needs, as the floor and socket.io bots do (WORKLOAD.md, "Bots"): the
  // State's tick, acknowledged back as baseTick, and its ack. What the server does is the same as for
  // a client that applies every delta (tests/protocol and the e2e suites cover that client).
  let baseTick = 0;
  let roundStarted = (): void => {};
  const playing = new Promise<void>((resolve) => {
    roundStarted = resolve;
  });
  const ws = await openSocket(
    url,
    (data) => {
      counters.bytesDown += data.length;
      if (data[1] === ServerMsg.Event && startsRound(data)) roundStarted();
      if (data[1] !== ServerMsg.State || !peekLeadingNumbers(data, 4, stateHead)) return;
      const tick = stateHead[1] as number;
      if (tick > baseTick) baseTick = tick;
      tracker?.ack(stateHead[3] as number);
    },
    t.ca,
  );
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

/** A connector that creates the room over HTTP(S), then connects its 16 clients by code. */
function tickfireConnector(t: Transport): ConnectRoom {
  return async (job) => {
    const code = await createRoom(job.port, job.room, t);
    return Promise.all(job.indices.map((_, slot) => connectOne(job, code, slot, t)));
  };
}

/** Plain ws, as the workload runs it. */
export const connectTickfireRoom: ConnectRoom = tickfireConnector({});

/** wss to the tickfire-tls server, trusting only the bench certificate. */
let tlsConnector: ConnectRoom | undefined;
export const connectTickfireTlsRoom: ConnectRoom = (job) => {
  tlsConnector ??= tickfireConnector({ ca: benchTlsCa() });
  return tlsConnector(job);
};
