/** SIGTERM drain: no new rooms or joins, running rounds finish (up to a deadline), then the rest closes with 1001. */
import { CloseCode, RoundPhase } from '../../protocol/index.js';
import type { RoomRegistry } from '../room/room-registry.js';

/** Close reason of a drained room; clients rejoin through the lobby and land on another process. */
export const DRAIN_REASON = 'server_draining: rejoin to be matched elsewhere';
/** How often rooms are checked for a finished round. */
export const DRAIN_POLL_MS = 100;

/** Options of drainRooms. */
export interface DrainOptions {
  /** Rooms still playing after this many ms are closed anyway. */
  readonly deadlineMs: number;
  /** @default performance.now */
  readonly now?: () => number;
  /** Called for each room closed, with whether its round had ended (false: empty, between rounds, or deadline). */
  readonly onClosed?: (code: string, roundEnded: boolean) => void;
}

/**
 * Stops room creation, then closes each room with 1001 + DRAIN_REASON as soon as it is empty or not
 * in a running round; at the deadline every remaining room closes. Resolves once none is left.
 */
export function drainRooms(registry: RoomRegistry, o: DrainOptions): Promise<void> {
  registry.startDraining();
  const now = o.now ?? (() => performance.now());
  const until = now() + o.deadlineMs;
  const playing = new Set<string>();
  for (const r of registry.all()) if (roundRunning(r.world.round.phase)) playing.add(r.code);
  const sweep = (): boolean => {
    const late = now() >= until;
    for (const room of [...registry.all()]) {
      const running = room.playerCount > 0 && roundRunning(room.world.round.phase);
      if (running && !late) continue;
      const ended = !running && playing.has(room.code) && room.playerCount > 0;
      registry.close(room.code, CloseCode.GoingAway, DRAIN_REASON);
      o.onClosed?.(room.code, ended);
    }
    return registry.size === 0;
  };
  if (sweep()) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      if (!sweep()) return;
      clearInterval(timer);
      resolve();
    }, DRAIN_POLL_MS);
  });
}

/** A round counts as running from its countdown to its end (Warmup and Intermission are between rounds). */
function roundRunning(phase: number): boolean {
  return phase === RoundPhase.Playing || phase === RoundPhase.Countdown;
}
