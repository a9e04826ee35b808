/** An in-memory RoomClient that records what a room sends, decoded. */
import type { RoomClient } from '../../game-server/room/room-client.js';
import { decodeServerMsg, type ServerMessage, type ServerMsgKind } from '../../protocol/index.js';
import type { MsgOf } from './ws-client.js';

/** A RoomClient whose frames and close are inspectable. */
export interface FakeClient extends RoomClient {
  readonly frames: ServerMessage[];
  /** Every received message of `kind`, in order. */
  of<K extends ServerMsgKind>(kind: K): MsgOf<K>[];
  ended: { code: number; reason: string } | undefined;
  /** What bufferedAmount() reports. */
  buffered: number;
}

/** Creates a fake client. */
export function createFakeClient(): FakeClient {
  const frames: ServerMessage[] = [];
  const client: FakeClient = {
    frames,
    ended: undefined,
    buffered: 0,
    of: <K extends ServerMsgKind>(kind: K) => frames.filter((f): f is MsgOf<K> => f[0] === kind),
    send(frame) {
      const r = decodeServerMsg(frame);
      if (!r.ok) throw new Error(`room sent an undecodable frame: ${r.reason}`);
      frames.push(r.msg);
      return 1;
    },
    bufferedAmount: () => client.buffered,
    cork: (fn) => fn(),
    end(code, reason) {
      client.ended = { code, reason };
    },
  };
  return client;
}
