/** What the cluster directory stores in Redis and sends over pub/sub, with schemas to validate it on read. */
import { z } from 'zod';
import { NODE_ID_PATTERN } from './cluster-keys.js';

/** A live server process as the cluster sees it. */
export interface NodeInfo {
  readonly nodeId: string;
  /** Base URL clients reach this process at (http(s)://host[:port][/path]). */
  readonly publicUrl: string;
  readonly rooms: number;
  readonly players: number;
  /** A draining node takes no new rooms and no quick-play players. */
  readonly draining: boolean;
}

/** A room as one node registers it (the directory adds its nodeId). */
export interface LocalRoom {
  readonly code: string;
  readonly name: string;
  readonly players: number;
  readonly maxPlayers: number;
  readonly private: boolean;
  /** 'playing' | 'intermission' today; kept open for later phases. */
  readonly state: string;
  readonly mode?: string;
}

/** A room as Redis holds it. */
export interface RoomEntry extends LocalRoom {
  readonly nodeId: string;
}

/** A room as a lookup answers it: the entry, where its node is reached, and whether that node drains. */
export interface ListedRoom extends RoomEntry {
  readonly url: string;
  readonly draining: boolean;
}

/** A reserved seat: the client connects to `url` with `seat=token` within the seat TTL. */
export interface SeatReservation {
  readonly token: string;
  readonly code: string;
  readonly nodeId: string;
  readonly url: string;
}

/** Why a seat could not be reserved (codes shared with JoinError). */
export interface SeatRefusal {
  readonly error: 'room_not_found' | 'room_full';
  readonly reason: string;
}

/** A consumed seat token: the room and name the player was promised. */
export interface ConsumedSeat {
  readonly code: string;
  readonly name: string;
}

/** What a node is asked to create on behalf of another. */
export interface CreateRoomSpec {
  readonly name: string;
  readonly maxPlayers: number;
  readonly private: boolean;
  readonly arena?: 'standard' | 'large';
  readonly mode?: string;
}

/** A chat line crossing processes. */
export interface ClusterChatMessage {
  readonly code: string;
  /** The node that published it. */
  readonly nodeId: string;
  readonly from: string;
  readonly text: string;
}

const nodeId = z.string().regex(NODE_ID_PATTERN);
const count = z.number().int().min(0).max(1_000_000);

/** NodeInfo as stored. */
export const nodeInfoSchema = z.object({
  nodeId,
  publicUrl: z.string().min(1).max(2048),
  rooms: count,
  players: count,
  draining: z.boolean(),
});

/** RoomEntry as stored. */
export const roomEntrySchema = z.object({
  code: z.string().min(1).max(32),
  nodeId,
  name: z.string().max(256),
  players: count,
  maxPlayers: count,
  private: z.boolean(),
  state: z.string().max(32),
  mode: z.string().max(32).optional(),
});

/** A seat as stored under its token's digest. */
export const storedSeatSchema = z.object({
  code: z.string().min(1).max(32),
  name: z.string().max(256),
  nodeId,
});

/** CreateRoomSpec on the wire. */
export const createRoomSpecSchema = z.object({
  name: z.string().max(256),
  maxPlayers: count,
  private: z.boolean(),
  arena: z.enum(['standard', 'large']).optional(),
  mode: z.string().max(32).optional(),
});

/** A create-room request on a node's request channel. */
export const createRequestSchema = z.object({
  id: z.string().max(64),
  from: nodeId,
  spec: createRoomSpecSchema,
});

/** The answer on the requester's reply channel. */
export const createReplySchema = z.union([
  z.object({ id: z.string().max(64), ok: z.literal(true), code: z.string().min(1).max(32) }),
  z.object({ id: z.string().max(64), ok: z.literal(false), reason: z.string().max(512) }),
]);

/** ClusterChatMessage on the wire. */
export const chatSchema = z.object({
  code: z.string().min(1).max(32),
  nodeId,
  from: z.string().max(64),
  text: z.string().max(2048),
});

/** Parses JSON text against `schema`; null when it is not JSON or does not match. */
export function parseJson<T>(schema: z.ZodType<T>, raw: string | null | undefined): T | null {
  if (raw === null || raw === undefined) return null;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return null;
  }
  const r = schema.safeParse(value);
  return r.success ? r.data : null;
}
