/** The one msgpack configuration of the wire: encoding of every frame and safe decoding of bytes. */
import { Packr, Unpackr } from 'msgpackr';
import { type ClientMessage, type ServerMessage, ServerMsg } from './messages.js';

// Standard msgpack only: no records/structures extension, maps decode as plain objects,
// and bin fields are copied so they survive the transport reusing its buffer.
const options = { useRecords: false, mapsAsObjects: true, copyBuffers: true, moreTypes: false } as const;
const packr = new Packr(options);
const unpackr = new Unpackr(options);

/** A decoding outcome: the typed value, or a short reason fit for a close frame. */
export type Decoded<T> = { ok: true; msg: T } | { ok: false; reason: string };

/** Encodes any message as a standard msgpack frame. */
export function encode(msg: ClientMessage | ServerMessage | unknown): Uint8Array {
  return packr.pack(msg);
}

/** Decodes one msgpack value from untrusted bytes; never throws. */
export function unpack(bytes: Uint8Array): Decoded<unknown> {
  try {
    return { ok: true, msg: unpackr.unpack(bytes) };
  } catch {
    return { ok: false, reason: 'malformed' };
  }
}

const serverKinds: ReadonlySet<unknown> = new Set(Object.values(ServerMsg));

/** Decodes a server frame (client side). Checks the envelope; the server is the authority on content. */
export function decodeServerMsg(bytes: Uint8Array): Decoded<ServerMessage> {
  const raw = unpack(bytes);
  if (!raw.ok) return raw;
  if (!Array.isArray(raw.msg) || !serverKinds.has(raw.msg[0])) return { ok: false, reason: 'unknown_kind' };
  return { ok: true, msg: raw.msg as unknown as ServerMessage };
}
