/** State frames, encoded once per tick for a whole room; only the 1-5 byte ack differs per client. */
import { Packr } from 'msgpackr';
import { type PlayerSnapshot, type ProjectileSnapshot, type RoundSnapshot, ServerMsg } from './messages.js';

const packr = new Packr({ useRecords: false });
const FIXARRAY_7 = 0x97;

/** What every client of a room receives in one tick's State message. */
export interface SharedState {
  readonly tick: number;
  readonly serverTime: number;
  readonly players: readonly PlayerSnapshot[];
  readonly projectiles: readonly ProjectileSnapshot[];
  readonly round: RoundSnapshot;
}

/**
 * Returns a function that builds the State frame for one client from its ack. The frame is
 * standard msgpack, identical to `encode([2, tick, serverTime, ack, players, projectiles, round])`.
 */
export function createStateEncoder(state: SharedState): (ack: number) => Uint8Array {
  // Copies: msgpackr may reuse its output buffer on the next pack.
  const head = new Uint8Array(packr.pack([ServerMsg.State, state.tick, state.serverTime]));
  head[0] = FIXARRAY_7; // the fixarray-3 marker becomes the marker of the whole 7-element message
  const tail = new Uint8Array(packr.pack([state.players, state.projectiles, state.round]).subarray(1));
  return (ack) => {
    const ackBytes = packr.pack(ack);
    const frame = new Uint8Array(head.length + ackBytes.length + tail.length);
    frame.set(head, 0);
    frame.set(ackBytes, head.length);
    frame.set(tail, head.length + ackBytes.length);
    return frame;
  };
}
