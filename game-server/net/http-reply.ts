/** Writing HTTP responses on uWS: status lines, JSON bodies and the refusal shape shared with the upgrade. */
import type uWS from 'uWebSockets.js';

const STATUS_TEXT: Readonly<Record<number, string>> = {
  200: 'OK',
  201: 'Created',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  426: 'Upgrade Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** "404 Not Found" for 404. */
export function statusLine(status: number): string {
  return `${status} ${STATUS_TEXT[status] ?? 'Unknown'}`;
}

/** A JSON error body: machine code and a sentence for people. */
export interface ErrorBody {
  readonly error: string;
  readonly reason: string;
}

/** Ends `res` with a JSON body (must run corked: in the handler itself or inside res.cork). */
export function replyJson(
  res: uWS.HttpResponse,
  status: number,
  body: unknown,
  closeConnection = false,
): void {
  res
    .writeStatus(statusLine(status))
    .writeHeader('Content-Type', 'application/json; charset=utf-8')
    .writeHeader('Cache-Control', 'no-store')
    .writeHeader('X-Content-Type-Options', 'nosniff')
    .end(JSON.stringify(body), closeConnection);
}

/** Ends `res` with a plain-text body. */
export function replyText(res: uWS.HttpResponse, status: number, text: string): void {
  res
    .writeStatus(statusLine(status))
    .writeHeader('Content-Type', 'text/plain; charset=utf-8')
    .writeHeader('Cache-Control', 'no-store')
    .writeHeader('X-Content-Type-Options', 'nosniff')
    .end(text);
}
