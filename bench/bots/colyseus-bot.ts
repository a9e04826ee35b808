/** Colyseus bots on the official @colyseus/sdk: the first client creates the room, 15 join it by id. */
import { Client, type Room } from '@colyseus/sdk';
import type WebSocket from 'ws';
import type { BotClient, ConnectRoom } from './bot-client.js';
import type { AckTracker, BotCounters } from './bot-counters.js';

interface PlayerView {
  lastSeq: number;
}
interface StateView {
  players?: { get(key: string): PlayerView | undefined };
}

/** The SDK's raw socket (a `ws` WebSocket under Node 20), for counting payload bytes. */
function rawSocket(room: Room): WebSocket {
  return (room.connection.transport as unknown as { ws: WebSocket }).ws;
}

function wrap(room: Room, counters: BotCounters, tracker?: AckTracker): BotClient {
  const ws = rawSocket(room);
  ws.addEventListener('message', (ev) => {
    const data = ev.data as ArrayBuffer | Buffer;
    counters.bytesDown += data.byteLength;
  });
  const connection = room.connection;
  const send = connection.send.bind(connection);
  connection.send = (data: Buffer | Uint8Array) => {
    counters.bytesUp += data.byteLength;
    send(data);
  };
  room.onStateChange((state: StateView) => {
    const me = state.players?.get(room.sessionId);
    if (me) tracker?.ack(me.lastSeq);
  });
  return {
    send(seq, keys, aim) {
      room.send('input', { seq, keys, aim });
    },
    isOpen: () => ws.readyState === ws.OPEN,
    close: () => room.connection.close(1000, 'bench done'),
  };
}

/** Connects a room: `create` for the first client, `joinById` for the other 15. */
export const connectColyseusRoom: ConnectRoom = async (job) => {
  const endpoint = `http://127.0.0.1:${job.port}`;
  const first = await new Client(endpoint).create('arena');
  const rest = await Promise.all(job.indices.slice(1).map(() => new Client(endpoint).joinById(first.roomId)));
  return [first, ...rest].map((room, slot) => wrap(room, job.counters, job.trackers[slot]));
};
