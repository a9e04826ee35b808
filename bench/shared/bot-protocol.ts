/** IPC messages between the runner and its bot processes. */
import type { SparseHistogram } from './histogram.js';

/** How long a bot process keeps starting room connections before it reports 'connected'. */
export const CONNECT_DEADLINE_MS = 24_000;
/** Longest wait, once connected, for the rooms to play (BotClient.playing; a round countdown is 3 s). */
export const PLAYING_DEADLINE_MS = 10_000;

/** Runner -> bot commands. */
export type BotCommand = { cmd: 'go' } | { cmd: 'reset' } | { cmd: 'collect' } | { cmd: 'close' };

/** Figures of one bot process over the window. */
export interface BotReport {
  clients: number;
  connected: number;
  sent: number;
  missed: number;
  acked: number;
  bytes_up: number;
  bytes_down: number;
  window_s: number;
  cpu_ms: number;
  latency: SparseHistogram;
}

/** Bot -> runner events. */
export type BotEvent =
  | { ev: 'connected'; clients: number; failed: number; error?: string }
  | { ev: 'report'; report: BotReport }
  | { ev: 'ack'; cmd: BotCommand['cmd'] };

/** Systems the bench knows: tickfire-tls is tickfire serving wss itself (--tls-cert), run on request. */
export const SYSTEMS = ['floor', 'colyseus', 'socketio-json', 'tickfire', 'tickfire-tls'] as const;
export type SystemName = (typeof SYSTEMS)[number];
/** Systems of a run without --systems: the workload's comparison. */
export const DEFAULT_SYSTEMS: readonly SystemName[] = ['floor', 'colyseus', 'socketio-json', 'tickfire'];

/** Narrows a string to a system name. */
export function isSystem(s: string): s is SystemName {
  return (SYSTEMS as readonly string[]).includes(s);
}
