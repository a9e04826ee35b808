/**
 * Input frames read straight from their bytes: Input arrives 30 times a second from every client, and
 * a general msgpack decode plus validation costs several times this scan. Only the shape a well-formed
 * Input has is read here (a 6-element array of msgpack integers within the Input bounds): for anything
 * else `scanInputFrame` returns false and the frame goes through the general decoder, which accepts it
 * or names the reason.
 */
import { KEY_MASK, MAX_INPUT_SEQ, MAX_WIRE_ANGLE, MAX_WIRE_UINT } from './constants.js';
import { ClientMsg } from './messages.js';

const FIXARRAY_6 = 0x96;
/** Sentinel of `readInt` for bytes that are not a msgpack integer this scan reads. */
const NOT_INT = Number.NaN;

/** Where the scan is: the offset of the next byte (module-level: no object per frame). */
let at = 0;

/** Reads the msgpack integer at `at` (advancing past it), or NOT_INT for any other type or a short frame. */
function readInt(b: Uint8Array): number {
  if (at >= b.length) return NOT_INT;
  const t = b[at] as number;
  if (t <= 0x7f) {
    at += 1;
    return t;
  }
  if (t >= 0xe0) {
    at += 1;
    return t - 0x100;
  }
  const left = b.length - at - 1;
  switch (t) {
    case 0xcc:
      if (left < 1) return NOT_INT;
      at += 2;
      return b[at - 1] as number;
    case 0xcd:
      if (left < 2) return NOT_INT;
      at += 3;
      return ((b[at - 2] as number) << 8) | (b[at - 1] as number);
    case 0xce:
      if (left < 4) return NOT_INT;
      at += 5;
      return (
        (b[at - 4] as number) * 0x100_0000 +
        (((b[at - 3] as number) << 16) | ((b[at - 2] as number) << 8) | (b[at - 1] as number))
      );
    case 0xd0:
      if (left < 1) return NOT_INT;
      at += 2;
      return ((b[at - 1] as number) << 24) >> 24;
    case 0xd1:
      if (left < 2) return NOT_INT;
      at += 3;
      return ((((b[at - 2] as number) << 8) | (b[at - 1] as number)) << 16) >> 16;
    case 0xd2:
      if (left < 4) return NOT_INT;
      at += 5;
      return (
        ((b[at - 4] as number) << 24) |
        ((b[at - 3] as number) << 16) |
        ((b[at - 2] as number) << 8) |
        (b[at - 1] as number)
      );
    default:
      return NOT_INT;
  }
}

/** `v` is an integer read by readInt (not NOT_INT) within [min, max]. */
const within = (v: number, min: number, max: number): boolean => v >= min && v <= max;

/** The fields of an Input frame, as `scanInputFrame` reads them. */
export interface InputFields {
  seq: number;
  keys: number;
  aim: number;
  baseTick: number;
  viewTime: number;
}

/** The fields the last successful `scanInputFrame` read: one record, overwritten by the next scan. */
export const scannedInput: InputFields = { seq: 0, keys: 0, aim: 0, baseTick: 0, viewTime: 0 };

/**
 * True if `bytes` are exactly a well-formed, in-bounds Input with integer fields (what every client
 * sends), whose fields are then in `scannedInput`; false for anything else, including a valid Input in
 * an unusual encoding (a float-encoded integer, a 64-bit integer), which the general decoder handles.
 * Nothing is allocated: the server reads every client's 30 Inputs a second this way.
 */
export function scanInputFrame(bytes: Uint8Array): boolean {
  if (bytes.length < 7 || bytes[0] !== FIXARRAY_6 || bytes[1] !== ClientMsg.Input) return false;
  at = 2;
  const seq = readInt(bytes);
  const keys = readInt(bytes);
  const aim = readInt(bytes);
  const baseTick = readInt(bytes);
  const viewTime = readInt(bytes);
  // NaN fails every comparison, so a field that was not an integer fails its bounds check.
  if (
    at !== bytes.length ||
    !within(seq, 1, MAX_INPUT_SEQ) ||
    !within(keys, 0, KEY_MASK) ||
    !within(aim, -MAX_WIRE_ANGLE, MAX_WIRE_ANGLE) ||
    !within(baseTick, 0, MAX_WIRE_UINT) ||
    !within(viewTime, 0, MAX_WIRE_UINT)
  ) {
    return false;
  }
  const out = scannedInput;
  out.seq = seq;
  out.keys = keys;
  out.aim = aim;
  out.baseTick = baseTick;
  out.viewTime = viewTime;
  return true;
}
