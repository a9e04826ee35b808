/** Floor bots: msgpack map inputs; read the 4-byte ack frame, skip the state frame. */
import { FLOAT32_OPTIONS, Packr } from 'msgpackr';
import type { BotClient, ConnectRoom, RoomJob } from './bot-client.js';
import { openSocket } from './ws-open.js';

const packr = new Packr({ useRecords: false, useFloat32: FLOAT32_OPTIONS.ALWAYS });

async function connectOne(job: RoomJob, slot: number): Promise<BotClient> {
  const tracker = job.trackers[slot];
  const counters = job.counters;
  const ws = await openSocket(`ws://127.0.0.1:${job.port}/ws?room=${job.room}`, (data, isBinary) => {
    counters.bytesDown += data.length;
    if (isBinary && data.length === 4) tracker?.ack(data.readUInt32LE(0));
  });
  return {
    send(seq, keys, aim) {
      const frame = Buffer.from(packr.pack({ seq, keys, aim }));
      counters.bytesUp += frame.length;
      ws.send(frame);
    },
    isOpen: () => ws.readyState === ws.OPEN,
    close: () => ws.terminate(),
  };
}

/** Connects the 16 floor clients of a room with `?room=r`. */
export const connectFloorRoom: ConnectRoom = (job) =>
  Promise.all(job.indices.map((_, slot) => connectOne(job, slot)));
