/** Closing a socket the server refuses: counted, logged (rate-limited), then ended with a code and reason. */
import type uWS from 'uWebSockets.js';
import type { NetCounters } from './counters.js';
import type { LimitedLog } from './log-limiter.js';
import { type SessionData, truncateReason } from './session.js';

/** Ends `ws` with `code` and `reason` ("word: detail"); a no-op if it is already closing. */
export type RefuseSocket = (ws: uWS.WebSocket<SessionData>, code: number, reason: string) => void;

/** A refuser that counts in `counters` and warns on `log`. */
export function createRefuser(counters: NetCounters, log: LimitedLog): RefuseSocket {
  return (ws, code, reason) => {
    const data = ws.getUserData();
    const s = data.session;
    if (s.refused) return;
    s.refused = true;
    // The Input fast path checks only `inputs`: no Input reaches the queue once refused.
    data.inputs = null;
    counters.refuse('ws_close', reason);
    log.warn({ room: s.room.code, player: s.playerId, code, reason }, 'refusing client: closing socket');
    // end() runs the close handler synchronously: nothing may touch ws after this line.
    ws.end(code, truncateReason(reason));
  };
}
