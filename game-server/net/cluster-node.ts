/**
 * This process as a cluster node: the Redis directory started with the registry's rooms, creating rooms
 * asked for by other nodes, and delivering chat lines published to its rooms by any node.
 */
import { ArenaId, CloseCode } from '../../protocol/index.js';
import {
  ClusterDirectory,
  type ClusterLog,
  type CreateRoomSpec,
  type Unsubscribe,
} from '../cluster/index.js';
import type { HostingConfig } from '../cluster-config.js';
import { quickRoomName } from '../room/matchmaker.js';
import type { Room } from '../room/room.js';
import type { RoomRegistry } from '../room/room-registry.js';

/** Delivers a chat line published to room `code` (by any node) to its players here. */
export type DeliverChat = (code: string, from: string, text: string) => void;

/** A started cluster node. */
export interface ClusterNode {
  readonly directory: ClusterDirectory;
  /** Call when the registry forgets a room: unregisters it and drops its chat subscription. */
  roomRemoved(room: Room): void;
  /** Stops subscriptions and leaves the directory (deregistering at once). */
  close(): Promise<void>;
}

/** What a node needs. */
export interface ClusterNodeOptions {
  readonly config: HostingConfig & { readonly redisUrl: string; readonly publicUrl: string };
  readonly registry: RoomRegistry;
  readonly log: ClusterLog;
  readonly deliverChat: DeliverChat;
  /** Key prefix (tests). @default 'tickfire:' */
  readonly keyPrefix?: string;
}

/** Connects to Redis and registers this node; rejects with a ClusterError naming the redacted URL. */
export async function startClusterNode(o: ClusterNodeOptions): Promise<ClusterNode> {
  const { config, registry, log } = o;
  const chats = new Map<string, Promise<Unsubscribe | null>>();
  let directory: ClusterDirectory | null = null;

  const follow = (code: string): Promise<Unsubscribe | null> => {
    let sub = chats.get(code);
    if (sub || !directory) return sub ?? Promise.resolve(null);
    sub = directory
      .onChat(code, (m) => o.deliverChat(code, m.from, m.text), true)
      .catch((err: unknown) => {
        chats.delete(code);
        log.warn({ room: code, err: String(err) }, 'cluster: cannot follow room chat');
        return null;
      });
    chats.set(code, sub);
    return sub;
  };
  const unfollow = (code: string) => {
    const sub = chats.get(code);
    chats.delete(code);
    void sub?.then((stop) => stop?.()).catch(() => {});
  };

  directory = await ClusterDirectory.start({
    redisUrl: config.redisUrl,
    publicUrl: config.publicUrl,
    ...(config.nodeId === null ? {} : { nodeId: config.nodeId }),
    ...(o.keyPrefix === undefined ? {} : { keyPrefix: o.keyPrefix }),
    heartbeatMs: Math.round(config.heartbeatS * 1000),
    expiryMs: Math.round(config.nodeExpiryS * 1000),
    log,
    localRooms: () =>
      [...registry.all()]
        .filter((r) => !r.disposed)
        .map((r) => {
          // Rooms created here without a request (direct quick play) are followed on the next heartbeat.
          void follow(r.code);
          return r.info();
        }),
  });
  const dir = directory;
  dir.onCreateRoomRequest(async (spec) => createForCluster(dir, registry, spec, follow));

  return {
    directory: dir,
    roomRemoved(room) {
      unfollow(room.code);
      dir.unregisterRoom(room.code).catch(() => {});
    },
    async close() {
      for (const code of [...chats.keys()]) unfollow(code);
      await dir.close();
    },
  };
}

async function createForCluster(
  dir: ClusterDirectory,
  registry: RoomRegistry,
  spec: CreateRoomSpec,
  follow: (code: string) => Promise<unknown>,
): Promise<string> {
  if (registry.draining || dir.isDraining) throw new Error('server_draining: this server is restarting');
  const room = registry.create({
    name: spec.name === '' ? quickRoomName : spec.name,
    maxPlayers: spec.maxPlayers,
    isPrivate: spec.private,
    arenaId: spec.arena === 'large' ? ArenaId.Large : ArenaId.Standard,
  });
  if (!room) throw new Error('server_full: this server has reached its room limit');
  await follow(room.code);
  if (!(await dir.registerRoom(room.info()))) {
    registry.close(room.code, CloseCode.GoingAway, 'room code collision');
    throw new Error('room code collision, retry');
  }
  return room.code;
}
