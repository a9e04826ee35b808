/**
 * The Redis-backed cluster directory: which server processes (nodes) are alive and which rooms each
 * one hosts, kept alive by heartbeats and gone within the expiry when a node dies; quick-play and
 * node picking across the cluster; seat tokens; cross-node room creation; chat over pub/sub. Redis
 * failures reject with ClusterError or are logged; they never crash the process.
 * This class is the facade: each concern lives in its own module beside it.
 */
import { ChannelRouter } from './channel-router.js';
import { ClusterError, errorText, guarded } from './cluster-error.js';
import { readLiveNodes, readRoom, readRooms } from './cluster-listing.js';
import { pickLeastLoadedNode, pickQuickRoom } from './cluster-matchmaker.js';
import {
  type ClusterOptions,
  type ResolvedClusterOptions,
  resolveClusterOptions,
} from './cluster-options.js';
import type { CreateRoomSpec, ListedRoom, LocalRoom, NodeInfo } from './cluster-types.js';
import { NodePresence } from './node-presence.js';
import { RedisConnections, redactUrl } from './redis-connections.js';
import { findResumeNode, forgetResume, type ResumeNode, recordResume } from './resume-index.js';
import { type ChatHandler, chatBody, chatReceiver, type Unsubscribe } from './room-chat.js';
import { type CreateRoomHandler, RoomRequests } from './room-requests.js';
import {
  checkSeatRoom,
  newSeatToken,
  type SeatReserveResult,
  type SeatTake,
  storeSeat,
  takeSeat,
} from './seat-tokens.js';

/** One node's view of (and presence in) the cluster. Create it with ClusterDirectory.start. */
export class ClusterDirectory {
  readonly nodeId: string;
  readonly publicUrl: string;
  private readonly o: ResolvedClusterOptions;
  private readonly redis: RedisConnections;
  private readonly router: ChannelRouter;
  private readonly requests: RoomRequests;
  private readonly presence: NodePresence;
  private readonly warn: (obj: object, msg: string) => void;
  private closed = false;

  private constructor(opts: ClusterOptions) {
    const o = resolveClusterOptions(opts);
    this.o = o;
    this.nodeId = o.nodeId;
    this.publicUrl = o.publicUrl;
    const isClosed = () => this.closed;
    this.redis = new RedisConnections(o.redisUrl, o.nodeId, o.log, isClosed);
    this.router = new ChannelRouter(this.redis.sub, (channel, err) =>
      o.log.error({ channel, err: errorText(err) }, 'cluster: a pub/sub handler threw'),
    );
    this.warn = (obj, msg) => o.log.warn(obj, msg);
    this.requests = new RoomRequests({ ...o, pub: this.redis.cmd, router: this.router, warn: this.warn });
    this.presence = new NodePresence({ ...o, redis: this.redis.cmd, isClosed });
  }

  /** Connects, registers this node, subscribes its channels and starts the heartbeat; rejects if Redis is unreachable. */
  static async start(opts: ClusterOptions): Promise<ClusterDirectory> {
    const d = new ClusterDirectory(opts);
    try {
      await d.redis.connect();
      await d.requests.start();
      await d.presence.beat();
    } catch (err) {
      d.redis.disconnect();
      const why = `cluster: cannot use Redis at ${redactUrl(opts.redisUrl)}: ${errorText(err)}`;
      throw new ClusterError('redis', why, { cause: err });
    }
    d.presence.startHeartbeat();
    return d;
  }

  /** True once drain() was called. */
  get isDraining(): boolean {
    return this.presence.isDraining;
  }

  /** False while the Redis connection or the heartbeat is failing (readiness). */
  get isHealthy(): boolean {
    return !this.closed && !this.redis.isFailing && !this.presence.isFailing;
  }

  /** Records that resume `token` resumes on this node for `ttlMs` (the grace); call on issue and rotation. */
  async recordResume(token: string, ttlMs: number): Promise<void> {
    const node: ResumeNode = { nodeId: this.nodeId, url: this.publicUrl };
    await this.guard('recordResume', () => recordResume(this.redis.cmd, this.o.keys, token, node, ttlMs));
  }

  /** The node (id and public URL) a resume token belongs to, or null when unknown or expired. */
  async findResumeNode(token: string): Promise<ResumeNode | null> {
    return this.guard('findResumeNode', () => findResumeNode(this.redis.cmd, this.o.keys, token));
  }

  /** Forgets a resume token (redeemed or released). */
  async forgetResume(token: string): Promise<void> {
    await this.guard('forgetResume', () => forgetResume(this.redis.cmd, this.o.keys, token));
  }

  /**
   * Registers (or updates) a room of this node at once; false if another live node holds the code
   * (pick another code). Without `localRooms` the heartbeat keeps it alive until unregisterRoom.
   */
  async registerRoom(room: LocalRoom): Promise<boolean> {
    return this.presence.registerRoom(room);
  }

  /** Removes a room of this node at once. */
  async unregisterRoom(code: string): Promise<void> {
    await this.presence.unregisterRoom(code);
  }

  /** Marks this node draining (no new rooms, no quick-play players) and publishes it at once. */
  async drain(): Promise<void> {
    await this.presence.drain();
  }

  /** Live nodes by id (expired entries cleaned). */
  async liveNodes(): Promise<Map<string, NodeInfo>> {
    return this.guard('liveNodes', () => readLiveNodes(this.redis.cmd, this.o.keys));
  }

  /** Every room of every live node, private ones too. */
  async listRooms(): Promise<ListedRoom[]> {
    const nodes = await this.liveNodes();
    return this.guard('listRooms', () => readRooms(this.redis.cmd, this.o.keys, nodes));
  }

  /** Public rooms of live nodes. */
  async listPublicRooms(): Promise<ListedRoom[]> {
    return (await this.listRooms()).filter((r) => !r.private);
  }

  /** The room with `code` on a live node, or null. */
  async findRoom(code: string): Promise<ListedRoom | null> {
    return this.guard('findRoom', () => readRoom(this.redis.cmd, this.o.keys, code));
  }

  /** A public room with space on a non-draining node, fullest first; null if none. */
  async findQuickRoom(): Promise<ListedRoom | null> {
    return pickQuickRoom(await this.listPublicRooms());
  }

  /** The least-loaded live node that is not draining (players, then rooms); null if none. */
  async pickNodeForNewRoom(): Promise<NodeInfo | null> {
    return pickLeastLoadedNode((await this.liveNodes()).values());
  }

  /** Reserves a seat in room `code` for `name`: the client must present the token to `url` within the TTL. */
  async reserveSeat(code: string, name: string): Promise<SeatReserveResult> {
    const check = checkSeatRoom(await this.findRoom(code), code);
    if (!check.ok) return check;
    const { room } = check;
    const token = newSeatToken();
    const seat = { code, name, nodeId: room.nodeId };
    await this.guard('reserveSeat', () =>
      storeSeat(this.redis.cmd, this.o.keys, token, seat, this.o.seatTtlMs),
    );
    return { ok: true, token, code, nodeId: room.nodeId, url: room.url };
  }

  /** Consumes a seat token presented to this node: once, before it expires, and only on its node. */
  async consumeSeat(token: string): Promise<SeatTake> {
    return this.guard('consumeSeat', () => takeSeat(this.redis.cmd, this.o.keys, token, this.nodeId));
  }

  /** Sets what answers create-room requests sent to this node (null refuses them). */
  onCreateRoomRequest(handler: CreateRoomHandler | null): void {
    this.requests.setHandler(handler);
  }

  /** Asks `nodeId` to create a room; resolves to its code (ClusterError on timeout, absence or refusal). */
  requestCreateRoom(
    nodeId: string,
    spec: CreateRoomSpec,
    timeoutMs = this.o.requestTimeoutMs,
  ): Promise<string> {
    return this.requests.request(nodeId, spec, timeoutMs);
  }

  /** Publishes a chat line of room `code` to every node. */
  async publishChat(code: string, msg: { from: string; text: string }): Promise<void> {
    const body = chatBody(code, this.nodeId, msg);
    await this.guard('publishChat', () => this.redis.cmd.publish(this.o.keys.chat(code), body));
  }

  /**
   * Calls `handler` with chat lines of room `code` published by other nodes (and this one's when
   * `includeOwn`); resolves once subscribed.
   */
  async onChat(code: string, handler: ChatHandler, includeOwn = false): Promise<Unsubscribe> {
    const receive = chatReceiver(code, this.nodeId, handler, includeOwn, this.warn);
    const remove = await this.guard('onChat', () => this.router.subscribe(this.o.keys.chat(code), receive));
    return async () => {
      if (!this.closed) await this.guard('onChat unsubscribe', remove);
    };
  }

  /**
   * Stops the heartbeat and quits Redis. With `deregister` (default) the node and its rooms are
   * removed at once; without, they expire like a crashed node's (tests use that to simulate kill -9).
   */
  async close(opts: { deregister?: boolean } = {}): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.requests.close();
    await this.presence.stopHeartbeat();
    if (opts.deregister ?? true) await this.presence.deregister();
    await this.redis.quit();
  }

  /** Counts only: nothing secret, nothing large. */
  toJSON(): object {
    return {
      nodeId: this.nodeId,
      publicUrl: this.publicUrl,
      rooms: this.presence.roomCount,
      draining: this.presence.isDraining,
    };
  }

  /** Runs a Redis operation; failures become a ClusterError naming the operation. */
  private guard<T>(what: string, fn: () => Promise<T>): Promise<T> {
    return guarded(this.closed, what, fn);
  }
}
