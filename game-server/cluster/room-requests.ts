/** Cross-node room creation: a request on the target node's channel, the answer on the requester's. */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { ChannelRouter } from './channel-router.js';
import { ClusterError, errorText } from './cluster-error.js';
import type { ClusterKeys } from './cluster-keys.js';
import { type CreateRoomSpec, createReplySchema, createRequestSchema, parseJson } from './cluster-types.js';

/** Creates a room on this node for a request (from any node); resolves to its code. */
export type CreateRoomHandler = (spec: CreateRoomSpec) => Promise<string> | string;

/** What the requests need. */
export interface RoomRequestDeps {
  readonly nodeId: string;
  readonly keys: ClusterKeys;
  /** A command connection (PUBLISH). */
  readonly pub: Redis;
  readonly router: ChannelRouter;
  readonly warn: (obj: object, msg: string) => void;
}

interface Pending {
  resolve(code: string): void;
  reject(err: ClusterError): void;
  timer: ReturnType<typeof setTimeout>;
}

const MAX_REASON_CHARS = 300;

/** Sends create-room requests to other nodes and answers theirs with the registered handler. */
export class RoomRequests {
  private readonly pending = new Map<string, Pending>();
  private handler: CreateRoomHandler | null = null;
  private closed = false;

  constructor(private readonly d: RoomRequestDeps) {}

  /** Subscribes this node's request and reply channels. */
  async start(): Promise<void> {
    await this.d.router.subscribe(this.d.keys.replies(this.d.nodeId), (m) => this.onReply(m));
    await this.d.router.subscribe(this.d.keys.requests(this.d.nodeId), (m) => this.onRequest(m));
  }

  /** Sets the handler of incoming requests (without one they are refused). */
  setHandler(handler: CreateRoomHandler | null): void {
    this.handler = handler;
  }

  /** Asks `nodeId` to create a room; resolves to its code, rejects with a ClusterError. */
  async request(nodeId: string, spec: CreateRoomSpec, timeoutMs: number): Promise<string> {
    if (this.closed) throw new ClusterError('closed', 'cluster: the directory is closed');
    if (nodeId === this.d.nodeId) return this.runLocal(spec);
    const id = randomBytes(9).toString('base64url');
    const answer = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new ClusterError('timeout', `cluster: node ${nodeId} did not answer within ${timeoutMs} ms`));
      }, timeoutMs);
      timer.unref();
      this.pending.set(id, { resolve, reject, timer });
    });
    // The answer may arrive before PUBLISH returns: the pending entry exists first.
    answer.catch(() => {});
    let receivers: number;
    try {
      const body = JSON.stringify({ id, from: this.d.nodeId, spec });
      receivers = await this.d.pub.publish(this.d.keys.requests(nodeId), body);
    } catch (err) {
      this.settle(
        id,
        null,
        new ClusterError('redis', `cluster: cannot send to ${nodeId}: ${errorText(err)}`),
      );
      return answer;
    }
    if (receivers === 0)
      this.settle(id, null, new ClusterError('no_node', `cluster: node ${nodeId} is not listening`));
    return answer;
  }

  /** Rejects every pending request and stops answering. */
  close(): void {
    this.closed = true;
    for (const id of [...this.pending.keys()])
      this.settle(id, null, new ClusterError('closed', 'cluster: the directory closed'));
  }

  private async runLocal(spec: CreateRoomSpec): Promise<string> {
    try {
      return await this.callHandler(spec);
    } catch (err) {
      throw new ClusterError('refused', `cluster: ${errorText(err).slice(0, MAX_REASON_CHARS)}`, {
        cause: err,
      });
    }
  }

  private async callHandler(spec: CreateRoomSpec): Promise<string> {
    if (!this.handler) throw new Error(`node ${this.d.nodeId} creates no rooms`);
    return this.handler(spec);
  }

  private onRequest(message: string): void {
    const req = parseJson(createRequestSchema, message);
    if (!req) {
      this.d.warn({ channel: 'requests' }, 'cluster: malformed create-room request ignored');
      return;
    }
    const reply = (body: object) =>
      this.d.pub
        .publish(this.d.keys.replies(req.from), JSON.stringify({ id: req.id, ...body }))
        .catch((err) => {
          this.d.warn({ err: errorText(err), to: req.from }, 'cluster: cannot answer a create-room request');
        });
    if (this.closed) {
      void reply({ ok: false, reason: `node ${this.d.nodeId} is shutting down` });
      return;
    }
    this.callHandler(req.spec).then(
      (code) => reply({ ok: true, code }),
      (err: unknown) => reply({ ok: false, reason: errorText(err).slice(0, MAX_REASON_CHARS) }),
    );
  }

  private onReply(message: string): void {
    const r = parseJson(createReplySchema, message);
    if (!r) {
      this.d.warn({ channel: 'replies' }, 'cluster: malformed create-room reply ignored');
      return;
    }
    if (r.ok) this.settle(r.id, r.code, null);
    else this.settle(r.id, null, new ClusterError('refused', `cluster: ${r.reason}`));
  }

  private settle(id: string, code: string | null, err: ClusterError | null): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    clearTimeout(p.timer);
    if (err) p.reject(err);
    else if (code !== null) p.resolve(code);
  }
}
