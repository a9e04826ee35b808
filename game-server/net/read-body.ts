/** Reading a bounded HTTP request body from uWS, which streams it in chunks it reuses after each callback. */
import type uWS from 'uWebSockets.js';

/** What reading a body produced. */
export type BodyResult = { ok: true; body: Buffer } | { ok: false; error: 'too_large' };

/**
 * Collects the body of `res` up to `limitBytes` and calls `done` once, unless the client aborted.
 * Must be called synchronously in the route handler; `done` runs outside the handler, so cork writes.
 */
export function readBody(
  res: uWS.HttpResponse,
  declaredLength: string,
  limitBytes: number,
  done: (r: BodyResult) => void,
): void {
  let finished = false;
  res.onAborted(() => {
    finished = true;
  });
  if (declaredLength !== '' && Number(declaredLength) > limitBytes) {
    finished = true;
    done({ ok: false, error: 'too_large' });
    return;
  }
  const chunks: Buffer[] = [];
  let size = 0;
  res.onData((chunk, isLast) => {
    if (finished) return;
    size += chunk.byteLength;
    if (size > limitBytes) {
      finished = true;
      done({ ok: false, error: 'too_large' });
      return;
    }
    chunks.push(Buffer.from(new Uint8Array(chunk))); // copies: uWS reuses the chunk's memory
    if (isLast) {
      finished = true;
      done({ ok: true, body: Buffer.concat(chunks) });
    }
  });
}
