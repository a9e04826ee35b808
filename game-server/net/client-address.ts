/** The client's address: the TCP peer, or the last X-Forwarded-For hop when a proxy is trusted. */
import type uWS from 'uWebSockets.js';

const MAX_ADDRESS_CHARS = 64;

/**
 * The last entry of a comma list header our proxy appends to (X-Forwarded-For, X-Forwarded-Proto),
 * trimmed: that one the proxy added; earlier ones are whatever the client claimed.
 */
export function lastHop(header: string): string {
  return header.slice(header.lastIndexOf(',') + 1).trim();
}

/** Reads the peer address of `res`; must run synchronously in the handler, like every req read. */
export function clientAddress(res: uWS.HttpResponse, forwardedFor: string, trustProxy: boolean): string {
  if (trustProxy && forwardedFor !== '') {
    const last = lastHop(forwardedFor);
    if (last !== '') return last.slice(0, MAX_ADDRESS_CHARS).toLowerCase();
  }
  return Buffer.from(res.getRemoteAddressAsText()).toString('utf8');
}
