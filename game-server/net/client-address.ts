/** The client's address: the TCP peer, or the last X-Forwarded-For hop when a proxy is trusted. */
import type uWS from 'uWebSockets.js';

const MAX_ADDRESS_CHARS = 64;

/** Reads the peer address of `res`; must run synchronously in the handler, like every req read. */
export function clientAddress(res: uWS.HttpResponse, forwardedFor: string, trustProxy: boolean): string {
  if (trustProxy && forwardedFor !== '') {
    // The last entry is the one our proxy added; earlier ones are whatever the client claimed.
    const last = forwardedFor.slice(forwardedFor.lastIndexOf(',') + 1).trim();
    if (last !== '') return last.slice(0, MAX_ADDRESS_CHARS).toLowerCase();
  }
  return Buffer.from(res.getRemoteAddressAsText()).toString('utf8');
}
