/** The one msgpack configuration of the wire: encoding and decoding of every frame in both directions. */
import { Packr, Unpackr } from 'msgpackr';
import { MAX_CLIENT_FRAME_BYTES } from './constants.js';
import { type ClientMessage, type ServerMessage, ServerMsg } from './messages.js';
import { type Decoded, validateClientMsg } from './validate.js';

// Standard msgpack only: no records/structures extension, maps decode as plain objects,
// and bin fields are copied so they survive the transport reusing its buffer.
const options = { useRecords: false, mapsAsObjects: true, copyBuffers: true, moreTypes: false } as const;
const packr = new Packr(options);
const unpackr = new Unpackr(options);

/** Encodes any message as a standard msgpack frame. */
export function encode(msg: ClientMessage | ServerMessage): Uint8Array {
  return packr.pack(msg);
}

/** Decodes an untrusted client frame: a typed message, or the reason it was refused. Never throws. */
export function decodeClientMsg(bytes: Uint8Array): Decoded<ClientMessage> {
  if (bytes.byteLength > MAX_CLIENT_FRAME_BYTES) return { ok: false, reason: 'too_large' };
  if (bytes.byteLength === 0) return { ok: false, reason: 'empty' };
  let raw: unknown;
  try {
    raw = unpackr.unpack(bytes);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  return validateClientMsg(raw);
}

const serverKinds: ReadonlySet<unknown> = new Set(Object.values(ServerMsg));

/** Decodes a server frame (client side). Checks the envelope; the server is the authority on content. */
export function decodeServerMsg(bytes: Uint8Array): Decoded<ServerMessage> {
  let raw: unknown;
  try {
    raw = unpackr.unpack(bytes);
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  if (!Array.isArray(raw) || !serverKinds.has(raw[0])) return { ok: false, reason: 'unknown_kind' };
  return { ok: true, msg: raw as unknown as ServerMessage };
}
