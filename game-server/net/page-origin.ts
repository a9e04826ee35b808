/** The origin a request reached the server at, for links the server hands out (a room's share link). */
import type uWS from 'uWebSockets.js';
import { lastHop } from './client-address.js';

/** How links are built: this server's own TLS, or the proxy in front of it when it is trusted. */
export interface OriginOptions {
  /** The server itself serves https (--tls-cert). */
  readonly tls: boolean;
  /** X-Forwarded-Proto of a trusted proxy counts (--trust-proxy). */
  readonly trustProxy: boolean;
}

/** `scheme://host` of `req`; must run synchronously in the handler, like every req read. */
export function pageOrigin(req: uWS.HttpRequest, o: OriginOptions): string {
  const host = req.getHeader('host') || 'localhost';
  const secure =
    o.tls || (o.trustProxy && lastHop(req.getHeader('x-forwarded-proto')).toLowerCase() === 'https');
  return `${secure ? 'https' : 'http'}://${host}`;
}
