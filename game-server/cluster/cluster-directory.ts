/**
 * The Redis-backed cluster directory: which server processes (nodes) are alive and which rooms each
 * one hosts, kept alive by heartbeats and gone within the expiry when a node dies; quick-play and
 * node picking across the cluster; seat tokens; cross-node room creation; chat and player counts
 * over pub/sub. Redis failures reject with ClusterError or are logged; they never crash the process.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { ChannelRouter } from './channel-router.js';
import { ClusterError, errorText } from './cluster-error.js';
import { type ClusterKeys, clusterKeys } from './cluster-keys.js';
import { DROP_ROOMS_SCRIPT, PRUNE_SET_SCRIPT, PUT_NODE_SCRIPT } from './cluster-scripts.js';
import {
  type ClusterChatMessage,
  type CreateRoomSpec,
  chatSchema,
  type ListedRoom,
  type LocalRoom,
  type NodeInfo,
  nodeInfoSchema,
  parseJson,
  playersSchema,
  type RoomEntry,
  roomEntrySchema,
  type SeatRefusal,
  type SeatReservation,
} from './cluster-types.js';
import { findResumeNode, forgetResume, type ResumeNode, recordResume } from './resume-index.js';
import { type CreateRoomHandler, RoomRequests } from './room-requests.js';
import { newSeatToken, type SeatTake, storeSeat, takeSeat } from './seat-tokens.js';

/** Where the directory logs (pino's Logger fits). */
export interface ClusterLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** How a directory is set up. */
export interface ClusterOptions {
  /** redis://[user:pass@]host:port[/db] */
  readonly redisUrl: string;
  /** Base URL clients reach this process at, e.g. https://play.example.com/n1 or http://10.0.0.5:8081. */
  readonly publicUrl: string;
  /** Unique id of this process. @default a random 12-hex-digit id */
  readonly nodeId?: string;
  /** Prefix of every key and channel. @default 'tickfire:' */
  readonly keyPrefix?: string;
  /** Heartbeat period (ms). @default 1000 */
  readonly heartbeatMs?: number;
  /** Node and room keys live this long without a heartbeat (ms). @default 5000 */
  readonly expiryMs?: number;
  /** A reserved seat waits this long for its client (ms). @default 15000 */
  readonly seatTtlMs?: number;
  /** Cross-node create-room answer timeout (ms). @default 3000 */
  readonly requestTimeoutMs?: number;
  /** Read at each heartbeat: this node's rooms (else use registerRoom/unregisterRoom). */
  readonly localRooms?: () => Iterable<LocalRoom>;
  /** @default console-based */
  readonly log?: ClusterLog;
  /** Monotonic ms, for player-count freshness. @default performance.now */
  readonly now?: () => number;
}

/** Stops a subscription. */
export type Unsubscribe = () => Promise<void>;

/** A chat line as a handler gets it. */
export type ChatHandler = (msg: ClusterChatMessage) => void;

const consoleLog: ClusterLog = {
  info: (obj, msg) => console.info(msg, obj),
  warn: (obj, msg) => console.warn(msg, obj),
  error: (obj, msg) => console.error(msg, obj),
};

const NODE_ID_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;

/** One node's view of (and presence in) the cluster. Create it with ClusterDirectory.start. */
export class ClusterDirectory {
  readonly nodeId: string;
  readonly publicUrl: string;
  private readonly keys: ClusterKeys;
  private readonly cmd: Redis;
  private readonly sub: Redis;
  private readonly router: ChannelRouter;
  private readonly requests: RoomRequests;
  private readonly log: ClusterLog;
  private readonly now: () => number;
  private readonly heartbeatMs: number;
  private readonly expiryMs: number;
  private readonly seatTtlMs: number;
  private readonly requestTimeoutMs: number;
  private readonly local = new Map<string, LocalRoom>();
  private readonly collided = new Set<string>();
  private readonly announced = new Map<string, { players: number; at: number }>();
  private readonly playerListeners = new Set<(total: number) => void>();
  private draining = false;
  private closed = false;
  private failing = false;
  private beatFailing = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  private beating: Promise<void> | null = null;

  private constructor(private readonly opts: ClusterOptions) {
    this.nodeId = opts.nodeId ?? randomBytes(6).toString('hex');
    if (!NODE_ID_PATTERN.test(this.nodeId))
      throw new Error(`cluster: bad node id "${this.nodeId.slice(0, 80)}"`);
    this.publicUrl = opts.publicUrl;
    this.keys = clusterKeys(opts.keyPrefix ?? 'tickfire:');
    this.log = opts.log ?? consoleLog;
    this.now = opts.now ?? (() => performance.now());
    this.heartbeatMs = opts.heartbeatMs ?? 1000;
    this.expiryMs = opts.expiryMs ?? 5000;
    this.seatTtlMs = opts.seatTtlMs ?? 15_000;
    this.requestTimeoutMs = opts.requestTimeoutMs ?? 3000;
    if (this.heartbeatMs <= 0 || this.expiryMs <= this.heartbeatMs)
      throw new Error('cluster: expiryMs must be larger than heartbeatMs (a few heartbeats, e.g. 5 x)');
    const redisOpts = {
      lazyConnect: true,
      maxRetriesPerRequest: 1,
      connectionName: `tickfire-${this.nodeId}`,
    };
    this.cmd = new Redis(opts.redisUrl, redisOpts);
    this.sub = new Redis(opts.redisUrl, redisOpts);
    for (const [client, role] of [
      [this.cmd, 'commands'],
      [this.sub, 'pub/sub'],
    ] as const) {
      client.on('error', (err: unknown) => this.redisDown(role, err));
      client.on('ready', () => this.redisUp(role));
    }
    this.router = new ChannelRouter(this.sub, (channel, err) =>
      this.log.error({ channel, err: errorText(err) }, 'cluster: a pub/sub handler threw'),
    );
    const warn = (obj: object, msg: string) => this.log.warn(obj, msg);
    this.requests = new RoomRequests({
      nodeId: this.nodeId,
      keys: this.keys,
      pub: this.cmd,
      router: this.router,
      warn,
    });
  }

  /** Connects, registers this node, subscribes its channels and starts the heartbeat; rejects if Redis is unreachable. */
  static async start(opts: ClusterOptions): Promise<ClusterDirectory> {
    const d = new ClusterDirectory(opts);
    try {
      await Promise.all([d.cmd.connect(), d.sub.connect()]);
      await d.requests.start();
      await d.router.subscribe(d.keys.players, (m) => d.onPlayers(m));
      await d.beat();
    } catch (err) {
      d.cmd.disconnect();
      d.sub.disconnect();
      throw new ClusterError(
        'redis',
        `cluster: cannot use Redis at ${redactUrl(opts.redisUrl)}: ${errorText(err)}`,
        {
          cause: err,
        },
      );
    }
    d.timer = setInterval(() => {
      d.beat().catch(() => {});
    }, d.heartbeatMs);
    d.timer.unref();
    return d;
  }

  /** True once drain() was called. */
  get isDraining(): boolean {
    return this.draining;
  }

  /** False while the Redis connection or the heartbeat is failing (readiness). */
  get isHealthy(): boolean {
    return !this.closed && !this.failing && !this.beatFailing;
  }

  /** Records that resume `token` resumes on this node for `ttlMs` (the grace); call on issue and rotation. */
  async recordResume(token: string, ttlMs: number): Promise<void> {
    const node: ResumeNode = { nodeId: this.nodeId, url: this.publicUrl };
    await this.guard('recordResume', () => recordResume(this.cmd, this.keys, token, node, ttlMs));
  }

  /** The node (id and public URL) a resume token belongs to, or null when unknown or expired. */
  async findResumeNode(token: string): Promise<ResumeNode | null> {
    return this.guard('findResumeNode', () => findResumeNode(this.cmd, this.keys, token));
  }

  /** Forgets a resume token (redeemed or released). */
  async forgetResume(token: string): Promise<void> {
    await this.guard('forgetResume', () => forgetResume(this.cmd, this.keys, token));
  }

  /**
   * Registers (or updates) a room of this node at once; false if another live node holds the code
   * (pick another code). Without `localRooms` the heartbeat keeps it alive until unregisterRoom.
   */
  async registerRoom(room: LocalRoom): Promise<boolean> {
    this.local.set(room.code, room);
    const refused = await this.guard('registerRoom', () => this.putNode([room]));
    if (refused.includes(room.code)) {
      this.local.delete(room.code);
      return false;
    }
    return true;
  }

  /** Removes a room of this node at once. */
  async unregisterRoom(code: string): Promise<void> {
    this.local.delete(code);
    await this.guard('unregisterRoom', () => this.dropRooms([code]));
  }

  /** Marks this node draining (no new rooms, no quick-play players) and publishes it at once. */
  async drain(): Promise<void> {
    this.draining = true;
    await this.beat();
  }

  /** Live nodes by id (expired entries cleaned). */
  async liveNodes(): Promise<Map<string, NodeInfo>> {
    return this.guard('liveNodes', async () => {
      const ids = await this.cmd.smembers(this.keys.nodes);
      const raws = ids.length > 0 ? await this.cmd.mget(ids.map((id) => this.keys.node(id))) : [];
      const nodes = new Map<string, NodeInfo>();
      const gone: string[] = [];
      ids.forEach((id, i) => {
        const info = parseJson(nodeInfoSchema, raws[i]);
        if (info && info.nodeId === id) nodes.set(id, info);
        else gone.push(id);
      });
      await this.prune(this.keys.nodes, gone, (id) => this.keys.node(id));
      return nodes;
    });
  }

  /** Every room of every live node, private ones too. */
  async listRooms(): Promise<ListedRoom[]> {
    const nodes = await this.liveNodes();
    return this.guard('listRooms', async () => {
      const codes = await this.cmd.smembers(this.keys.rooms);
      const raws = codes.length > 0 ? await this.cmd.mget(codes.map((c) => this.keys.room(c))) : [];
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
      await this.prune(this.keys.rooms, gone, (c) => this.keys.room(c));
      return rooms.sort((a, b) => a.code.localeCompare(b.code));
    });
  }

  /** Public rooms of live nodes. */
  async listPublicRooms(): Promise<ListedRoom[]> {
    return (await this.listRooms()).filter((r) => !r.private);
  }

  /** The room with `code` on a live node, or null. */
  async findRoom(code: string): Promise<ListedRoom | null> {
    return this.guard('findRoom', async () => {
      const entry = parseJson(roomEntrySchema, await this.cmd.get(this.keys.room(code)));
      if (!entry || entry.code !== code) return null;
      const node = parseJson(nodeInfoSchema, await this.cmd.get(this.keys.node(entry.nodeId)));
      return withNode(entry, node ?? undefined);
    });
  }

  /** A public room with space on a non-draining node, fullest first; null if none. */
  async findQuickRoom(): Promise<ListedRoom | null> {
    const open = (await this.listPublicRooms()).filter((r) => !r.draining && r.players < r.maxPlayers);
    open.sort((a, b) => b.players - a.players || a.code.localeCompare(b.code));
    return open[0] ?? null;
  }

  /** The least-loaded live node that is not draining (players, then rooms); null if none. */
  async pickNodeForNewRoom(): Promise<NodeInfo | null> {
    const nodes = [...(await this.liveNodes()).values()].filter((n) => !n.draining);
    nodes.sort((a, b) => a.players - b.players || a.rooms - b.rooms || a.nodeId.localeCompare(b.nodeId));
    return nodes[0] ?? null;
  }

  /** Players over all live nodes, from their registrations. */
  async globalPlayerCount(): Promise<number> {
    let n = 0;
    for (const node of (await this.liveNodes()).values()) n += node.players;
    return n;
  }

  /**
   * Calls `handler` with the cluster's player total each time a node announces its count (every
   * heartbeat of every node); counts older than the expiry are left out.
   */
  onPlayerCount(handler: (total: number) => void): () => void {
    this.playerListeners.add(handler);
    return () => this.playerListeners.delete(handler);
  }

  /** Reserves a seat in room `code` for `name`: the client must present the token to `url` within the TTL. */
  async reserveSeat(
    code: string,
    name: string,
  ): Promise<({ ok: true } & SeatReservation) | ({ ok: false } & SeatRefusal)> {
    const room = await this.findRoom(code);
    if (!room || room.draining)
      return { ok: false, error: 'room_not_found', reason: `no room has the code ${code.slice(0, 12)}` };
    if (room.players >= room.maxPlayers)
      return { ok: false, error: 'room_full', reason: `room ${code} is full` };
    const token = newSeatToken();
    await this.guard('reserveSeat', () =>
      storeSeat(this.cmd, this.keys, token, { code, name, nodeId: room.nodeId }, this.seatTtlMs),
    );
    return { ok: true, token, code, nodeId: room.nodeId, url: room.url };
  }

  /** Consumes a seat token presented to this node: once, before it expires, and only on its node. */
  async consumeSeat(token: string): Promise<SeatTake> {
    return this.guard('consumeSeat', () => takeSeat(this.cmd, this.keys, token, this.nodeId));
  }

  /** Sets what answers create-room requests sent to this node (null refuses them). */
  onCreateRoomRequest(handler: CreateRoomHandler | null): void {
    this.requests.setHandler(handler);
  }

  /** Asks `nodeId` to create a room; resolves to its code (ClusterError on timeout, absence or refusal). */
  requestCreateRoom(
    nodeId: string,
    spec: CreateRoomSpec,
    timeoutMs = this.requestTimeoutMs,
  ): Promise<string> {
    return this.requests.request(nodeId, spec, timeoutMs);
  }

  /** Publishes a chat line of room `code` to every node. */
  async publishChat(code: string, msg: { from: string; text: string }): Promise<void> {
    const body: ClusterChatMessage = { code, nodeId: this.nodeId, from: msg.from, text: msg.text };
    await this.guard('publishChat', () => this.cmd.publish(this.keys.chat(code), JSON.stringify(body)));
  }

  /**
   * Calls `handler` with chat lines of room `code` published by other nodes (and this one's when
   * `includeOwn`); resolves once subscribed.
   */
  async onChat(code: string, handler: ChatHandler, includeOwn = false): Promise<Unsubscribe> {
    const remove = await this.guard('onChat', () =>
      this.router.subscribe(this.keys.chat(code), (raw) => {
        const msg = parseJson(chatSchema, raw);
        if (!msg || msg.code !== code) {
          this.log.warn({ room: code }, 'cluster: malformed chat message ignored');
          return;
        }
        if (includeOwn || msg.nodeId !== this.nodeId) handler(msg);
      }),
    );
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
    clearInterval(this.timer);
    this.requests.close();
    await this.beating?.catch(() => {});
    if (opts.deregister ?? true) {
      try {
        await this.dropRooms([...this.local.keys()]);
        await this.cmd
          .multi()
          .del(this.keys.node(this.nodeId))
          .srem(this.keys.nodes, this.nodeId)
          .publish(this.keys.players, JSON.stringify({ nodeId: this.nodeId, players: 0 }))
          .exec();
      } catch (err) {
        this.log.warn({ err: errorText(err) }, 'cluster: could not deregister; entries will expire');
      }
    }
    await Promise.all([quit(this.cmd), quit(this.sub)]);
  }

  /** Counts only: nothing secret, nothing large. */
  toJSON(): object {
    return {
      nodeId: this.nodeId,
      publicUrl: this.publicUrl,
      rooms: this.local.size,
      draining: this.draining,
    };
  }

  /** One heartbeat: refresh the node and its rooms, announce the player count. Never rejects with a crash. */
  private beat(): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.beating ??= this.writeBeat().finally(() => {
      this.beating = null;
    });
    return this.beating;
  }

  private async writeBeat(): Promise<void> {
    try {
      const source = this.opts.localRooms;
      if (source) {
        const next = new Map<string, LocalRoom>();
        for (const r of source()) if (!this.collided.has(r.code)) next.set(r.code, r);
        const removed = [...this.local.keys()].filter((c) => !next.has(c));
        this.local.clear();
        for (const [c, r] of next) this.local.set(c, r);
        if (removed.length > 0) await this.dropRooms(removed);
      }
      const refused = await this.putNode([...this.local.values()]);
      for (const code of refused) {
        this.local.delete(code);
        this.collided.add(code);
        this.log.error(
          { room: code },
          'cluster: room code already registered by another node; room not listed',
        );
      }
      await this.cmd.publish(
        this.keys.players,
        JSON.stringify({ nodeId: this.nodeId, players: this.playerSum() }),
      );
      if (this.beatFailing) this.log.info({}, 'cluster: heartbeat restored');
      this.beatFailing = false;
    } catch (err) {
      if (!this.beatFailing) this.log.error({ err: errorText(err) }, 'cluster: heartbeat failed (retrying)');
      this.beatFailing = true;
      throw new ClusterError('redis', `cluster: heartbeat failed: ${errorText(err)}`, { cause: err });
    }
  }

  private playerSum(): number {
    let n = 0;
    for (const r of this.local.values()) n += r.players;
    return n;
  }

  /** Writes the node key and `rooms`; returns the codes another node holds. */
  private async putNode(rooms: readonly LocalRoom[]): Promise<string[]> {
    const info: NodeInfo = {
      nodeId: this.nodeId,
      publicUrl: this.publicUrl,
      rooms: this.local.size,
      players: this.playerSum(),
      draining: this.draining,
    };
    const keys = [
      this.keys.node(this.nodeId),
      this.keys.nodes,
      this.keys.rooms,
      ...rooms.map((r) => this.keys.room(r.code)),
    ];
    const args: (string | number)[] = [this.expiryMs, this.nodeId, JSON.stringify(info)];
    for (const r of rooms) {
      const entry: RoomEntry = { ...r, nodeId: this.nodeId };
      args.push(r.code, JSON.stringify(entry));
    }
    const refused = await this.cmd.eval(PUT_NODE_SCRIPT, keys.length, ...keys, ...args);
    return Array.isArray(refused) ? refused.filter((c): c is string => typeof c === 'string') : [];
  }

  private async dropRooms(codes: readonly string[]): Promise<void> {
    if (codes.length === 0) return;
    const keys = [this.keys.rooms, ...codes.map((c) => this.keys.room(c))];
    await this.cmd.eval(DROP_ROOMS_SCRIPT, keys.length, ...keys, this.nodeId, ...codes);
  }

  private async prune(set: string, members: readonly string[], keyOf: (m: string) => string): Promise<void> {
    if (members.length === 0) return;
    const keys = [set, ...members.map(keyOf)];
    await this.cmd.eval(PRUNE_SET_SCRIPT, keys.length, ...keys, ...members);
  }

  private onPlayers(raw: string): void {
    const m = parseJson(playersSchema, raw);
    if (!m) return;
    const t = this.now();
    this.announced.set(m.nodeId, { players: m.players, at: t });
    let total = 0;
    for (const [id, a] of this.announced) {
      if (t - a.at > this.expiryMs) this.announced.delete(id);
      else total += a.players;
    }
    for (const l of this.playerListeners) l(total);
  }

  /** Runs a Redis operation; failures become a ClusterError naming the operation. */
  private async guard<T>(what: string, fn: () => Promise<T>): Promise<T> {
    if (this.closed) throw new ClusterError('closed', `cluster: ${what}: the directory is closed`);
    try {
      return await fn();
    } catch (err) {
      if (err instanceof ClusterError) throw err;
      throw new ClusterError('redis', `cluster: ${what} failed: ${errorText(err)}`, { cause: err });
    }
  }

  private redisDown(role: string, err: unknown): void {
    if (this.failing || this.closed) return;
    this.failing = true;
    this.log.error({ role, err: errorText(err) }, 'cluster: Redis connection error (retrying)');
  }

  private redisUp(role: string): void {
    if (!this.failing) return;
    this.failing = false;
    this.log.info({ role }, 'cluster: Redis connection restored');
  }
}

function withNode(entry: RoomEntry, node: NodeInfo | undefined): ListedRoom | null {
  if (!node) return null;
  return { ...entry, url: node.publicUrl, draining: node.draining };
}

async function quit(client: Redis): Promise<void> {
  if (client.status !== 'ready') {
    client.disconnect();
    return;
  }
  try {
    await client.quit();
  } catch {
    client.disconnect();
  }
}

/** A Redis URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable Redis URL)';
  }
}
