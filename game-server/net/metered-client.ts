/** Metrics at the socket boundary: bytes a room sends, and closes by bounded reason. */
import { closeReasonLabel, type ServerMetrics } from '../metrics.js';
import type { RoomClient } from '../room/room-client.js';

/** `client` counting the bytes of every frame uWS accepted (sent or buffered, not dropped). */
export function meteredClient(client: RoomClient, metrics: ServerMetrics): RoomClient {
  return {
    ...client,
    send: (frame) => {
      const status = client.send(frame);
      if (status !== 2) metrics.countBytesOut(frame.byteLength);
      return status;
    },
  };
}

/** Counts a close under the first word of its reason when known ("kicked: ..."), else under its code. */
export function recordClose(metrics: ServerMetrics, code: number, message: ArrayBuffer): void {
  const text = Buffer.from(message).toString();
  metrics.recordClose(closeReasonLabel(text) === 'other' ? code : text);
}
