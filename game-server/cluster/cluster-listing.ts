/**
 * Reading the directory: live nodes, the rooms of live nodes, one room by code. Set members whose
 * keys expired (a dead node's) are cleaned on the way.
 */
import type { Redis } from 'ioredis';
import type { ClusterKeys } from './cluster-keys.js';
import { PRUNE_SET_SCRIPT } from './cluster-scripts.js';
import {
  type ListedRoom,
  type NodeInfo,
  nodeInfoSchema,
  parseJson,
  type RoomEntry,
  roomEntrySchema,
} from './cluster-types.js';

/** Live nodes by id; members of the nodes set without a valid node key are pruned. */
export async function readLiveNodes(redis: Redis, keys: ClusterKeys): Promise<Map<string, NodeInfo>> {
  const ids = await redis.smembers(keys.nodes);
  const raws = ids.length > 0 ? await redis.mget(ids.map((id) => keys.node(id))) : [];
  const nodes = new Map<string, NodeInfo>();
  const gone: string[] = [];
  ids.forEach((id, i) => {
    const info = parseJson(nodeInfoSchema, raws[i]);
    if (info && info.nodeId === id) nodes.set(id, info);
    else gone.push(id);
  });
  await prune(redis, keys.nodes, gone, (id) => keys.node(id));
  return nodes;
}

/** Every room hosted by one of `nodes`, sorted by code; members without a valid room key are pruned. */
export async function readRooms(
  redis: Redis,
  keys: ClusterKeys,
  nodes: ReadonlyMap<string, NodeInfo>,
): Promise<ListedRoom[]> {
  const codes = await redis.smembers(keys.rooms);
  const raws = codes.length > 0 ? await redis.mget(codes.map((c) => keys.room(c))) : [];
  const rooms: ListedRoom[] = [];
  const gone: string[] = [];
  codes.forEach((code, i) => {
    const entry = parseJson(roomEntrySchema, raws[i]);
    if (!entry || entry.code !== code) {
      gone.push(code);
      return;
    }
    const listed = withNode(entry, nodes.get(entry.nodeId));
    if (listed) rooms.push(listed);
  });
  await prune(redis, keys.rooms, gone, (c) => keys.room(c));
  return rooms.sort((a, b) => a.code.localeCompare(b.code));
}

/** The room with `code` on a live node, or null. */
export async function readRoom(redis: Redis, keys: ClusterKeys, code: string): Promise<ListedRoom | null> {
  const entry = parseJson(roomEntrySchema, await redis.get(keys.room(code)));
  if (!entry || entry.code !== code) return null;
  const node = parseJson(nodeInfoSchema, await redis.get(keys.node(entry.nodeId)));
  return withNode(entry, node ?? undefined);
}

function withNode(entry: RoomEntry, node: NodeInfo | undefined): ListedRoom | null {
  if (!node) return null;
  return { ...entry, url: node.publicUrl, draining: node.draining };
}

async function prune(
  redis: Redis,
  set: string,
  members: readonly string[],
  keyOf: (m: string) => string,
): Promise<void> {
  if (members.length === 0) return;
  const keys = [set, ...members.map(keyOf)];
  await redis.eval(PRUNE_SET_SCRIPT, keys.length, ...keys, ...members);
}
