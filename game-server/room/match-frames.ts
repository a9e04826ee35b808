/** Encoders of the match frames (pickups) a room sends. */
import { encode, type PickupEntry, ServerMsg } from '../../protocol/index.js';

/** [8, pickups]: every pickup point of the room with its availability. */
export function pickupsFrame(pickups: readonly PickupEntry[]): Uint8Array {
  return encode([ServerMsg.Pickups, pickups]);
}
