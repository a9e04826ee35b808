/** Seeded generators of hostile client frames for fuzzing: random bytes, mutated valid frames, traps. */

import { CHAT_FLOOD_BURST, PING_BURST } from '../../game-server/net/frame-limits.js';
import { createRandom } from '../../game-server/sim/rng.js';
import { type ClientMessage, ClientMsg, encode, KEY_MASK, MAX_WIRE_ANGLE } from '../../protocol/index.js';
import { decodeClientMsg } from '../../protocol/validate.js';

/** A deterministic PRNG (the simulation's mulberry32) returning floats in [0, 1). */
export const seededRandom: (seed: number) => () => number = createRandom;

const int = (rnd: () => number, n: number): number => Math.floor(rnd() * n);

/** A valid client message with random content (`seq` supplied by the caller). */
export function validMessage(rnd: () => number, seq: number): ClientMessage {
  const r = rnd();
  if (r < 0.8) {
    const aim = int(rnd, 2 * MAX_WIRE_ANGLE + 1) - MAX_WIRE_ANGLE;
    return [ClientMsg.Input, seq, int(rnd, KEY_MASK + 1), aim, int(rnd, 1000), int(rnd, 100_000)];
  }
  if (r < 0.9) return [ClientMsg.Ping, rnd() * 1e12, Math.floor(rnd() * 500)];
  const text = Array.from({ length: 1 + int(rnd, 40) }, () => String.fromCodePoint(int(rnd, 0x3000))).join(
    '',
  );
  return [ClientMsg.Chat, text];
}

/**
 * `count` valid messages sent in one go that stay within every rate limit: Inputs numbered from 1, and
 * at most half the Ping and Chat bursts (what is left over is sent as Inputs).
 */
export function validBurst(rnd: () => number, count: number): ClientMessage[] {
  const out: ClientMessage[] = [];
  let pings = 0;
  let chats = 0;
  for (let i = 0; i < count; i++) {
    let msg = validMessage(rnd, i + 1);
    if (msg[0] === ClientMsg.Ping && ++pings > PING_BURST / 2) msg = [ClientMsg.Input, i + 1, 0, 0, 0, 0];
    if (msg[0] === ClientMsg.Chat && ++chats > CHAT_FLOOD_BURST / 2)
      msg = [ClientMsg.Input, i + 1, 0, 0, 0, 0];
    out.push(msg);
  }
  return out;
}

/** Hand-made traps: deep nesting, huge declared lengths, NaN/Infinity, big ints, ext types, wrong types. */
export const TRAP_FRAMES: readonly Uint8Array[] = [
  new Uint8Array(0),
  Uint8Array.from([...new Array(511).fill(0x91), 0x01]),
  Uint8Array.from([0xdd, 0xff, 0xff, 0xff, 0xfe, 0x01]),
  Uint8Array.from([0xdc, 0xff, 0xff, 0x01]),
  Uint8Array.from([0xdf, 0xff, 0xff, 0xff, 0xff, 0x01, 0x01]),
  Uint8Array.from([0xdb, 0xff, 0xff, 0xff, 0xff, 0x41]),
  Uint8Array.from([0xc6, 0x7f, 0xff, 0xff, 0xff, 0x41]),
  Uint8Array.from([0x96, 0x01, 0x01, 0x00, 0x00, 0x00, 0xcb, 0x7f, 0xf8, 0, 0, 0, 0, 0, 0]),
  Uint8Array.from([0x93, 0x03, 0xcb, 0x7f, 0xf0, 0, 0, 0, 0, 0, 0, 0x00]),
  encode([ClientMsg.Ping, 1, -5]),
  Uint8Array.from([0x96, 0x01, 0xcf, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]),
  Uint8Array.from([0x92, 0x02, 0xd6, 0x52, 0x2e, 0x2a, 0x2b, 0x24]),
  Uint8Array.from([0x92, 0x02, 0xc7, 0x03, 0x73, 0x91, 0x01, 0x01]),
  Uint8Array.from([0x81, 0xa9, ...Buffer.from('__proto__'), 0x81, 0xa1, 0x61, 0x01]),
  encode([ClientMsg.Input, -1, 0, 0, 0, 0]),
  encode([ClientMsg.Input, 1, 0, MAX_WIRE_ANGLE + 1, 0, 0]),
  encode([ClientMsg.Input, 1.5, 0, 0, 0, 0]),
  encode([ClientMsg.Input, 1, 0, 0, 0, 0, 0]),
  encode([ClientMsg.Chat, 42]),
  encode([ClientMsg.Chat, 'x'.repeat(801)]),
  encode([ClientMsg.Ping, 'now']),
  encode([0]),
  encode(['1', 1, 0, 0, 0, 0]),
  encode(new Array(120).fill(ClientMsg.Input)),
  encode(null),
];

/** A frame the validator refuses: a trap, random bytes, or a mutated valid frame. */
export function invalidFrame(rnd: () => number): Uint8Array {
  for (;;) {
    const r = rnd();
    let f: Uint8Array;
    if (r < 0.2) f = TRAP_FRAMES[int(rnd, TRAP_FRAMES.length)]!;
    else if (r < 0.5) f = Uint8Array.from({ length: 1 + int(rnd, 64) }, () => int(rnd, 256));
    else {
      f = new Uint8Array(encode(validMessage(rnd, 1 + int(rnd, 1e6))));
      const edits = 1 + int(rnd, 3);
      for (let i = 0; i < edits; i++) {
        const e = rnd();
        if (e < 0.5) f[int(rnd, f.length)] = int(rnd, 256);
        else if (e < 0.75) f = f.subarray(0, int(rnd, f.length));
        else f = Uint8Array.from([...f, ...Array.from({ length: 1 + int(rnd, 8) }, () => int(rnd, 256))]);
      }
    }
    if (!decodeClientMsg(f).ok) return f;
  }
}

/** The reason word the server closes with for an invalid frame (as the shared validator says). */
export function expectedReason(frame: Uint8Array): string {
  const r = decodeClientMsg(frame);
  if (r.ok) throw new Error('frame is valid');
  return r.reason.split(':')[0]!;
}
