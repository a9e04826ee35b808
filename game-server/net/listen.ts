/** Binding the port: exclusively, so a second server on the same port fails instead of sharing it. */
import type uWS from 'uWebSockets.js';

/** uSockets' LIBUS_LISTEN_EXCLUSIVE_PORT: bind without SO_REUSEPORT. */
const LISTEN_EXCLUSIVE_PORT = 1;

/** The 4-argument form native uWS takes; its typings only know options without a host. */
type ListenWithOptions = (
  host: string,
  port: number,
  options: number,
  cb: (ls: uWS.us_listen_socket | false) => void,
) => uWS.TemplatedApp;

/**
 * `app.listen(host, port)` without SO_REUSEPORT, which uSockets sets by default: with it, a second
 * process started on the same port would bind too and the kernel would split new connections
 * between the two servers. `cb` gets false when the port is taken.
 */
export function listenExclusive(
  app: uWS.TemplatedApp,
  host: string,
  port: number,
  cb: (ls: uWS.us_listen_socket | false) => void,
): void {
  (app.listen as unknown as ListenWithOptions).call(app, host, port, LISTEN_EXCLUSIVE_PORT, cb);
}

/** Why binding `host:port` failed, as far as uWS lets us tell (it only says false). */
export function listenRefusal(host: string, port: number): string {
  const privileged = port > 0 && port < 1024 ? ' (or binding a port below 1024 needs privileges)' : '';
  return `cannot listen on ${host}:${port}: the port is in use or the address is not this machine's${privileged}`;
}
