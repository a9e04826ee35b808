/**
 * Validation of untrusted client frames (server side): bytes become a typed message or a specific
 * reason. Not re-exported by index.ts, so the browser bundle does not carry the validator.
 */
import { z } from 'zod';
import { type Decoded, unpack } from './codec.js';
import {
  KEY_MASK,
  MAX_CHAT_LENGTH,
  MAX_CLIENT_FRAME_BYTES,
  MAX_INPUT_SEQ,
  MAX_REPORTED_RTT_MS,
  MAX_WIRE_ANGLE,
  MAX_WIRE_UINT,
} from './constants.js';
import { type ClientMessage, ClientMsg } from './messages.js';

const finite = z.number();
const inputSchema = z.tuple([
  z.literal(ClientMsg.Input),
  z.number().int().min(1).max(MAX_INPUT_SEQ),
  z.number().int().min(0).max(KEY_MASK),
  z.number().int().min(-MAX_WIRE_ANGLE).max(MAX_WIRE_ANGLE),
  z.number().int().min(0).max(MAX_WIRE_UINT),
  z.number().int().min(0).max(MAX_WIRE_UINT),
]);
// Chat length is checked in code points after cleaning; this bound only keeps garbage cheap.
const chatSchema = z.tuple([z.literal(ClientMsg.Chat), z.string().max(MAX_CHAT_LENGTH * 4)]);
const pingSchema = z.tuple([
  z.literal(ClientMsg.Ping),
  finite,
  z.number().int().min(0).max(MAX_REPORTED_RTT_MS),
]);

const schemas = {
  [ClientMsg.Input]: ['bad_input', inputSchema],
  [ClientMsg.Chat]: ['bad_chat', chatSchema],
  [ClientMsg.Ping]: ['bad_ping', pingSchema],
} as const;

/** Checks a decoded msgpack value against the client message shapes. */
export function validateClientMsg(raw: unknown): Decoded<ClientMessage> {
  if (!Array.isArray(raw)) return { ok: false, reason: 'not_array' };
  const kind: unknown = raw[0];
  if (kind !== ClientMsg.Input && kind !== ClientMsg.Chat && kind !== ClientMsg.Ping) {
    return { ok: false, reason: 'unknown_kind' };
  }
  const [reason, schema] = schemas[kind];
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `: field ${issue.path.join('.')}` : '';
    return { ok: false, reason: `${reason}${where}` };
  }
  return { ok: true, msg: parsed.data };
}

/** Decodes an untrusted client frame: a typed message, or the reason it was refused. Never throws. */
export function decodeClientMsg(bytes: Uint8Array): Decoded<ClientMessage> {
  if (bytes.byteLength > MAX_CLIENT_FRAME_BYTES) return { ok: false, reason: 'too_large' };
  if (bytes.byteLength === 0) return { ok: false, reason: 'empty' };
  const raw = unpack(bytes);
  return raw.ok ? validateClientMsg(raw.msg) : raw;
}
