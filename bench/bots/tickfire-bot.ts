/** Tickfire bots: rooms made with POST /api/rooms, real Input frames, tick and ack peeked from State frames. */

import { encode } from '../../protocol/codec.js';
import { joinQuery } from '../../protocol/handshake.js';
import { ANGLE_SCALE, ClientMsg, MAX_WIRE_ANGLE, ServerMsg } from '../../protocol/index.js';
import type { BotClient, ConnectRoom, RoomJob } from './bot-client.js';
import { payloadBytes } from './bot-client.js';
import { peekArrayNumber } from './msgpack-peek.js';
import { openSocket } from './ws-open.js';

/** Creates a private 16-player room and returns its code. */
async function createRoom(port: number, room: number): Promise<string> {
  const res = await fetch(`http://127.0.0.1:${port}/api/rooms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: `bench ${room}`, maxPlayers: 16, private: true }),
  });
  const body = (await res.json()) as { code?: unknown };
  if (!res.ok || typeof body.code !== 'string') throw new Error(`POST /api/rooms: HTTP ${res.status}`);
  return body.code;
}

function toWireAim(aim: number): number {
  return Math.max(-MAX_WIRE_ANGLE, Math.min(MAX_WIRE_ANGLE, Math.round(aim * ANGLE_SCALE)));
}

async function connectOne(job: RoomJob, code: string, slot: number): Promise<BotClient> {
  const name = `bot${job.indices[slot] ?? slot}`;
  const tracker = job.trackers[slot];
  const counters = job.counters;
  const url = `ws://127.0.0.1:${job.port}/ws?${joinQuery(name, { kind: 'code', code })}`;
  // Reads only what the ack needs, as the floor and socket.io bots do (WORKLOAD.md, "Bots"): the
  // State's tick, acknowledged back as baseTick, and its ack. What the server does is the same as for
  // a client that applies every delta (tests/protocol and the e2e suites cover that client).
  let baseTick = 0;
  const ws = await openSocket(url, (data) => {
    counters.bytesDown += payloadBytes(data);
    if (data[1] !== ServerMsg.State) return;
    const tick = peekArrayNumber(data, 1);
    const ack = peekArrayNumber(data, 3);
    if (tick === null || ack === null) return;
    if (tick > baseTick) baseTick = tick;
    tracker?.ack(ack);
  });
  return {
    send(seq, keys, aim) {
      const frame = encode([ClientMsg.Input, seq, keys, toWireAim(aim), baseTick, 0]);
      counters.bytesUp += frame.byteLength;
      ws.send(frame);
    },
    isOpen: () => ws.readyState === ws.OPEN,
    close: () => ws.terminate(),
  };
}

/** Creates the room over HTTP, then connects its 16 clients by code. */
export const connectTickfireRoom: ConnectRoom = async (job) => {
  const code = await createRoom(job.port, job.room);
  return Promise.all(job.indices.map((_, slot) => connectOne(job, code, slot)));
};
