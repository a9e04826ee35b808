/** Answering a uWS request after an await: onAborted first, then the answer corked, never on a closed res. */
import type uWS from 'uWebSockets.js';

/** Tracks whether `res` was aborted; `send` runs `write` corked unless it was. Call in the handler itself. */
export function deferReply(res: uWS.HttpResponse): {
  send(write: () => void): void;
  readonly aborted: boolean;
} {
  let aborted = false;
  res.onAborted(() => {
    aborted = true;
  });
  return {
    send(write) {
      if (!aborted) res.cork(write);
    },
    get aborted() {
      return aborted;
    },
  };
}
