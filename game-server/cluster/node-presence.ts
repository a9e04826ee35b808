/**
 * This node's presence in the directory: its node key and its rooms, refreshed by a heartbeat with
 * one expiry (so they vanish when the process dies), with the draining flag and the node's player count.
 */
import type { Redis } from 'ioredis';
import { ClusterError, errorText, guarded } from './cluster-error.js';
import type { ClusterKeys } from './cluster-keys.js';
import type { ClusterLog } from './cluster-options.js';
import { DROP_ROOMS_SCRIPT, PUT_NODE_SCRIPT } from './cluster-scripts.js';
import type { LocalRoom, NodeInfo, RoomEntry } from './cluster-types.js';

/** What the presence needs. */
export interface NodePresenceDeps {
  readonly nodeId: string;
  readonly publicUrl: string;
  readonly keys: ClusterKeys;
  /** A command connection. */
  readonly redis: Redis;
  readonly heartbeatMs: number;
  readonly expiryMs: number;
  /** Read at each heartbeat: this node's rooms (else registerRoom/unregisterRoom keep the list). */
  readonly localRooms: (() => Iterable<LocalRoom>) | undefined;
  readonly log: ClusterLog;
  /** True once the directory is closed: no more heartbeats, guarded operations refuse. */
  readonly isClosed: () => boolean;
}

/** Registers this node and its rooms, keeps them alive, and removes them on a clean shutdown. */
export class NodePresence {
  private readonly local = new Map<string, LocalRoom>();
  private readonly collided = new Set<string>();
  private draining = false;
  private beatFailing = false;
  private timer: ReturnType<typeof setInterval> | undefined;
  private beating: Promise<void> | null = null;

  constructor(private readonly d: NodePresenceDeps) {}

  /** True once drain() was called. */
  get isDraining(): boolean {
    return this.draining;
  }

  /** True while the heartbeat is failing. */
  get isFailing(): boolean {
    return this.beatFailing;
  }

  /** How many rooms this node has registered. */
  get roomCount(): number {
    return this.local.size;
  }

  /** Beats every heartbeatMs (the timer does not keep the process alive). */
  startHeartbeat(): void {
    this.timer = setInterval(() => {
      this.beat().catch(() => {});
    }, this.d.heartbeatMs);
    this.timer.unref();
  }

  /** Stops the heartbeat and waits for a beat in flight. */
  async stopHeartbeat(): Promise<void> {
    clearInterval(this.timer);
    await this.beating?.catch(() => {});
  }

  /** Registers (or updates) `room` at once; false if another live node holds its code. */
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

  /** Marks this node draining and publishes it at once. */
  async drain(): Promise<void> {
    this.draining = true;
    await this.beat();
  }

  /** Removes the node and its rooms at once; failures are logged (entries expire). */
  async deregister(): Promise<void> {
    try {
      await this.dropRooms([...this.local.keys()]);
      await this.d.redis
        .multi()
        .del(this.d.keys.node(this.d.nodeId))
        .srem(this.d.keys.nodes, this.d.nodeId)
        .exec();
    } catch (err) {
      this.d.log.warn({ err: errorText(err) }, 'cluster: could not deregister; entries will expire');
    }
  }

  /** One heartbeat: refresh the node (with its player count) and its rooms. Never rejects with a crash. */
  beat(): Promise<void> {
    if (this.d.isClosed()) return Promise.resolve();
    this.beating ??= this.writeBeat().finally(() => {
      this.beating = null;
    });
    return this.beating;
  }

  private async writeBeat(): Promise<void> {
    const { log } = this.d;
    try {
      const source = this.d.localRooms;
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
        log.error({ room: code }, 'cluster: room code already registered by another node; room not listed');
      }
      if (this.beatFailing) log.info({}, 'cluster: heartbeat restored');
      this.beatFailing = false;
    } catch (err) {
      if (!this.beatFailing) log.error({ err: errorText(err) }, 'cluster: heartbeat failed (retrying)');
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
    const { keys, nodeId } = this.d;
    const info: NodeInfo = {
      nodeId,
      publicUrl: this.d.publicUrl,
      rooms: this.local.size,
      players: this.playerSum(),
      draining: this.draining,
    };
    const keyList = [keys.node(nodeId), keys.nodes, keys.rooms, ...rooms.map((r) => keys.room(r.code))];
    const args: (string | number)[] = [this.d.expiryMs, nodeId, JSON.stringify(info)];
    for (const r of rooms) {
      const entry: RoomEntry = { ...r, nodeId };
      args.push(r.code, JSON.stringify(entry));
    }
    const refused = await this.d.redis.eval(PUT_NODE_SCRIPT, keyList.length, ...keyList, ...args);
    return Array.isArray(refused) ? refused.filter((c): c is string => typeof c === 'string') : [];
  }

  private async dropRooms(codes: readonly string[]): Promise<void> {
    if (codes.length === 0) return;
    const keyList = [this.d.keys.rooms, ...codes.map((c) => this.d.keys.room(c))];
    await this.d.redis.eval(DROP_ROOMS_SCRIPT, keyList.length, ...keyList, this.d.nodeId, ...codes);
  }

  private guard<T>(what: string, fn: () => Promise<T>): Promise<T> {
    return guarded(this.d.isClosed(), what, fn);
  }
}
