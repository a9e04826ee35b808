/** Redis key and channel names of one cluster, all under a prefix (tests use a random one). */

/** Accepted key prefixes. */
export const KEY_PREFIX_PATTERN = /^[A-Za-z0-9:_.-]{0,64}$/;

/** Accepted node ids (they appear in key names). */
export const NODE_ID_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;

/** Key and channel names under `prefix`. */
export interface ClusterKeys {
  /** Set of node ids that may be alive (entries without a node key are cleaned on read). */
  readonly nodes: string;
  node(nodeId: string): string;
  /** Set of room codes that may be alive. */
  readonly rooms: string;
  room(code: string): string;
  /** A seat, keyed by the SHA-256 digest of its token (the token itself is never a key). */
  seat(digest: string): string;
  /** Where a node receives create-room requests. */
  requests(nodeId: string): string;
  /** Where a node receives answers to its requests. */
  replies(nodeId: string): string;
  chat(code: string): string;
  /** Which node holds a resumable seat, keyed by the SHA-256 digest of its resume token. */
  resume(digest: string): string;
}

/** The names under `prefix`; throws on a prefix with unexpected characters. */
export function clusterKeys(prefix: string): ClusterKeys {
  if (!KEY_PREFIX_PATTERN.test(prefix)) throw new Error(`cluster: bad key prefix "${prefix.slice(0, 80)}"`);
  return {
    nodes: `${prefix}nodes`,
    node: (id) => `${prefix}node:${id}`,
    rooms: `${prefix}rooms`,
    room: (code) => `${prefix}room:${code}`,
    seat: (digest) => `${prefix}seat:${digest}`,
    requests: (id) => `${prefix}req:${id}`,
    replies: (id) => `${prefix}rep:${id}`,
    chat: (code) => `${prefix}chat:${code}`,
    resume: (digest) => `${prefix}resume:${digest}`,
  };
}
