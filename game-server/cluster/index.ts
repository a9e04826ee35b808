/** The cluster layer: Redis-backed node and room directory, seat tokens, cross-node requests and pub/sub. */
export { type ChannelHandler, ChannelRouter } from './channel-router.js';
export { ClusterDirectory } from './cluster-directory.js';
export { ClusterError, type ClusterErrorKind } from './cluster-error.js';
export { type ClusterKeys, clusterKeys } from './cluster-keys.js';
export type { ClusterLog, ClusterOptions } from './cluster-options.js';
export type {
  ClusterChatMessage,
  ConsumedSeat,
  CreateRoomSpec,
  ListedRoom,
  LocalRoom,
  NodeInfo,
  RoomEntry,
  SeatRefusal,
  SeatReservation,
} from './cluster-types.js';
export { redactUrl } from './redis-connections.js';
export type { ResumeNode } from './resume-index.js';
export type { ChatHandler, Unsubscribe } from './room-chat.js';
export type { CreateRoomHandler } from './room-requests.js';
export { SEAT_TOKEN_PATTERN, type SeatTake } from './seat-tokens.js';
