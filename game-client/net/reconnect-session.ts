/** Wires a Reconnector to a Session: holds the session on a resumable drop and retries until Welcome or refusal. */
import { CloseCode } from '../../protocol/index.js';
import type { CloseInfo } from './connection.js';
import type { FetchLike } from './preflight.js';
import {
  httpOrigin,
  isFinalClose,
  isResumable,
  probeResume,
  Reconnector,
  type ReconnectStatus,
  resumeUrl,
} from './reconnect.js';
import type { Session } from './session.js';

/** Where the reconnect state is shown (the overlay). */
export interface ReconnectView {
  show(status: ReconnectStatus): void;
  hide(): void;
}

/** What reconnecting a session needs. */
export interface ReconnectOptions {
  /** The session's WebSocket URL (the join URL): resumes go to the same server. */
  readonly url: string;
  readonly fetch: FetchLike;
  /**
   * Where GET /api/join?resume=TOKEN is asked. The page passes '' (its own server): in cluster mode
   * the socket's node is another origin, which the page's CSP (connect-src 'self') and CORS forbid
   * fetching, and any node answers with the url of the node holding the seat.
   * @default the http origin of `url`
   */
  readonly probeBase?: string;
  readonly view: ReconnectView;
  /** @default RESUME_GRACE_MS */
  readonly graceMs?: number;
  /** @default performance.now */
  readonly now?: () => number;
}

/** The close a session ends with when its seat could not be taken back (main.ts then matches again). */
export const RESUME_LOST: CloseInfo = Object.freeze({
  code: CloseCode.RoomNotFound,
  reason: 'resume_failed: the seat expired or its server went away',
  wasOpen: true,
  byClient: false,
  message: 'Your seat could not be taken back.',
});

/** Makes `session` survive drops: returns the Reconnector (its `active` is the overlay state). */
export function attachReconnect(session: Session, o: ReconnectOptions): Reconnector {
  const now = o.now ?? (() => performance.now());
  const base = o.probeBase ?? httpOrigin(o.url);
  const rc = new Reconnector({
    probe: (token) => probeResume(o.fetch, base, token),
    reopen: (token, nodeUrl) => session.resume(resumeUrl(o.url, token, nodeUrl)),
    done: (resumed) => {
      o.view.hide();
      if (!resumed) session.end(RESUME_LOST);
    },
    onStatus: (s) => o.view.show(s),
    setTimer: (fn, ms) => setTimeout(fn, ms),
    clearTimer: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
    now,
    ...(o.graceMs !== undefined ? { graceMs: o.graceMs } : {}),
  });
  session.holdOnDrop = (info) => {
    if (rc.active) {
      // A resume attempt's socket closed: a final close (refusal, removal, replacement) ends it, anything else is retried.
      if (isFinalClose(info)) {
        rc.stop();
        o.view.hide();
        return false;
      }
      rc.attemptFailed();
      return true;
    }
    if (!isResumable(info, session.resumeToken)) return false;
    rc.start(session.resumeToken);
    return true;
  };
  session.on('welcome', () => rc.resumed());
  session.on('close', () => {
    rc.stop();
    o.view.hide();
  });
  return rc;
}
