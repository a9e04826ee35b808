/** Chat of a room across nodes: one pub/sub channel per room code, JSON lines tagged with the sender node. */
import type { ChannelHandler } from './channel-router.js';
import { type ClusterChatMessage, chatSchema, parseJson } from './cluster-types.js';

/** Stops a subscription. */
export type Unsubscribe = () => Promise<void>;

/** A chat line as a handler gets it. */
export type ChatHandler = (msg: ClusterChatMessage) => void;

/** The published body of a chat line of room `code` sent from `nodeId`. */
export function chatBody(code: string, nodeId: string, msg: { from: string; text: string }): string {
  const body: ClusterChatMessage = { code, nodeId, from: msg.from, text: msg.text };
  return JSON.stringify(body);
}

/**
 * A channel handler passing valid lines of room `code` to `handler`: other nodes' lines, and this
 * node's too when `includeOwn`; malformed lines are reported to `warn` and dropped.
 */
export function chatReceiver(
  code: string,
  nodeId: string,
  handler: ChatHandler,
  includeOwn: boolean,
  warn: (obj: object, msg: string) => void,
): ChannelHandler {
  return (raw) => {
    const msg = parseJson(chatSchema, raw);
    if (!msg || msg.code !== code) {
      warn({ room: code }, 'cluster: malformed chat message ignored');
      return;
    }
    if (includeOwn || msg.nodeId !== nodeId) handler(msg);
  };
}
