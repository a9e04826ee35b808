/**
 * Where a resumable seat lives in the cluster: resume token digest -> node, with the grace as TTL, so
 * any node can tell a reconnecting client which process to resume on. Tokens are never stored or logged.
 */
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { type ClusterKeys, NODE_ID_PATTERN } from './cluster-keys.js';
import { parseJson } from './cluster-types.js';
import { seatDigest } from './seat-tokens.js';

/** The node a resume token belongs to, and where clients reach it. */
export interface ResumeNode {
  readonly nodeId: string;
  readonly url: string;
}

const resumeNodeSchema = z.object({
  nodeId: z.string().regex(NODE_ID_PATTERN),
  url: z.string().min(1).max(2048),
});

/** Records that `token` resumes on `node` for `ttlMs` (replaces an older record). */
export async function recordResume(
  redis: Redis,
  keys: ClusterKeys,
  token: string,
  node: ResumeNode,
  ttlMs: number,
): Promise<void> {
  await redis.set(keys.resume(seatDigest(token)), JSON.stringify(node), 'PX', Math.max(1, Math.round(ttlMs)));
}

/** The node `token` resumes on, or null (unknown, expired or forgotten). */
export async function findResumeNode(
  redis: Redis,
  keys: ClusterKeys,
  token: string,
): Promise<ResumeNode | null> {
  return parseJson(resumeNodeSchema, await redis.get(keys.resume(seatDigest(token))));
}

/** Forgets `token` (redeemed, released or rotated). */
export async function forgetResume(redis: Redis, keys: ClusterKeys, token: string): Promise<void> {
  await redis.del(keys.resume(seatDigest(token)));
}
