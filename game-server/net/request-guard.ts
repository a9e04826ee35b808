/** The checks HTTP join probes and room creation share with the upgrade: origin and per-address rate. */
import type uWS from 'uWebSockets.js';
import { type AddressLimits, rateReason } from './address-limits.js';
import { clientAddress } from './client-address.js';
import type { NetCounters } from './counters.js';
import { replyJson } from './http-reply.js';
import { checkOrigin } from './origin-check.js';

/** True if the request may go on; otherwise it has been answered (403 bad_origin or 429 rate_limited). */
export type RequestGuard = (
  res: uWS.HttpResponse,
  req: uWS.HttpRequest,
  checkOriginHeader: boolean,
) => boolean;

/** What a guard reads. */
export interface GuardOptions {
  readonly allowedOrigins: readonly string[];
  readonly trustProxy: boolean;
  readonly limits: AddressLimits;
  readonly counters: NetCounters;
}

/** A guard over `o`; it must run synchronously at the start of the route handler. */
export function createRequestGuard(o: GuardOptions): RequestGuard {
  return (res, req, checkOriginHeader) => {
    if (checkOriginHeader) {
      // A cross-site page may POST (text/plain is a "simple" request): same rule as the upgrade.
      const bad = checkOrigin(req.getHeader('origin'), req.getHeader('host'), o.allowedOrigins);
      if (bad !== null) {
        o.counters.refuse('http', 'bad_origin');
        replyJson(res, 403, { error: 'bad_origin', reason: bad }, true);
        return false;
      }
    }
    const ip = clientAddress(res, req.getHeader('x-forwarded-for'), o.trustProxy);
    const verdict = o.limits.attempt(ip);
    if (verdict !== null) {
      o.counters.refuse('http', verdict);
      replyJson(res, 429, { error: 'rate_limited', reason: rateReason(verdict) }, true);
      return false;
    }
    return true;
  };
}
