/**
 * Seat tokens: a seat reserved in one process, presented at the upgrade of another, consumed there once.
 * Redis holds them under the SHA-256 digest of the token with a short TTL; tokens are never logged.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { ClusterKeys } from './cluster-keys.js';
import { TAKE_SEAT_SCRIPT } from './cluster-scripts.js';
import {
  type ConsumedSeat,
  type ListedRoom,
  parseJson,
  type SeatRefusal,
  type SeatReservation,
  storedSeatSchema,
} from './cluster-types.js';

/** Shape of a seat token: 16 CSPRNG bytes in base64url. */
export const SEAT_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** Outcome of presenting a seat token. */
export type SeatTake = { ok: true; seat: ConsumedSeat } | { ok: false; reason: string };

/** Outcome of reserving a seat: the reservation, or why there is none. */
export type SeatReserveResult = ({ ok: true } & SeatReservation) | ({ ok: false } & SeatRefusal);

/** A fresh 128-bit seat token. */
export function newSeatToken(): string {
  return randomBytes(16).toString('base64url');
}

/** The Redis key part of a token. */
export function seatDigest(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Whether a seat can be reserved in `room` (looked up by `code`): the room, or why not. */
export function checkSeatRoom(
  room: ListedRoom | null,
  code: string,
): { ok: true; room: ListedRoom } | ({ ok: false } & SeatRefusal) {
  if (!room || room.draining)
    return { ok: false, error: 'room_not_found', reason: `no room has the code ${code.slice(0, 12)}` };
  if (room.players >= room.maxPlayers)
    return { ok: false, error: 'room_full', reason: `room ${code} is full` };
  return { ok: true, room };
}

/** Stores a reservation for `ttlMs`. */
export async function storeSeat(
  redis: Redis,
  keys: ClusterKeys,
  token: string,
  seat: { code: string; name: string; nodeId: string },
  ttlMs: number,
): Promise<void> {
  const r = await redis.set(keys.seat(seatDigest(token)), JSON.stringify(seat), 'PX', ttlMs, 'NX');
  if (r !== 'OK') throw new Error('seat token collision');
}

const REFUSED = 'invalid_seat: the seat token is unknown, expired or already used';

/** Consumes `token` on `nodeId` atomically; a token for another node stays for that node. */
export async function takeSeat(
  redis: Redis,
  keys: ClusterKeys,
  token: string,
  nodeId: string,
): Promise<SeatTake> {
  if (!SEAT_TOKEN_PATTERN.test(token)) return { ok: false, reason: REFUSED };
  const raw = await redis.eval(TAKE_SEAT_SCRIPT, 1, keys.seat(seatDigest(token)), nodeId);
  if (!Array.isArray(raw) || raw.length !== 2) return { ok: false, reason: REFUSED };
  const [status, json] = raw as [unknown, unknown];
  const stored = parseJson(storedSeatSchema, typeof json === 'string' ? json : null);
  if (!stored) return { ok: false, reason: REFUSED };
  if (status !== 1) return { ok: false, reason: `wrong_node: this seat is on node ${stored.nodeId}` };
  return { ok: true, seat: { code: stored.code, name: stored.name } };
}
