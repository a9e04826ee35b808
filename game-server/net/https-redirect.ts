/** A plain-http listener that sends every request to the same path over https (--http-redirect-port). */
import uWS from 'uWebSockets.js';
import { listenExclusive, listenRefusal } from './listen.js';

/** A running redirect listener. */
export interface HttpsRedirect {
  /** The port actually bound (useful with 0). */
  readonly port: number;
  close(): void;
}

/** `https://` + the request's host (its port replaced by `httpsPort`, left out when 443) + path and query. */
export function httpsLocation(hostHeader: string, httpsPort: number, url: string, query: string): string {
  // A bracketed IPv6 host keeps its brackets; only a trailing :port goes.
  const host = (hostHeader || 'localhost').replace(/:\d+$/, '');
  const port = httpsPort === 443 ? '' : `:${httpsPort}`;
  return `https://${host}${port}${url}${query ? `?${query}` : ''}`;
}

/** Listens on `host:port` and answers everything with 308 to the https server on `httpsPort`. */
export function startHttpsRedirect(host: string, port: number, httpsPort: number): Promise<HttpsRedirect> {
  const app = uWS.App().any('/*', (res, req) => {
    const location = httpsLocation(req.getHeader('host'), httpsPort, req.getUrl(), req.getQuery() ?? '');
    res.cork(() => {
      res
        .writeStatus('308 Permanent Redirect')
        .writeHeader('location', location)
        .writeHeader('content-type', 'text/plain; charset=utf-8')
        .end(`This server speaks https only: ${location}\n`);
    });
  });
  return new Promise((resolve, reject) => {
    listenExclusive(app, host, port, (ls) => {
      if (!ls) return reject(new Error(`--http-redirect-port: ${listenRefusal(host, port)}`));
      resolve({
        port: uWS.us_socket_local_port(ls as unknown as uWS.us_socket),
        close: () => uWS.us_listen_socket_close(ls),
      });
    });
  });
}
