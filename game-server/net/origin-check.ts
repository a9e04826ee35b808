/** The Origin allow-list of the upgrade and of POST /api/rooms: same-origin unless configured. */

/** Null if a request with these Origin and Host headers may go on, else the reason it may not. */
export function checkOrigin(origin: string, host: string, allowed: readonly string[]): string | null {
  // No Origin: not a browser (browsers always send it on WebSocket upgrades and POSTs).
  if (origin === '') return null;
  if (allowed.includes('*')) return null;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return 'the Origin header is not a URL';
  }
  if (allowed.length > 0) {
    return allowed.includes(parsed.origin) ? null : `origin ${parsed.origin.slice(0, 80)} is not allowed`;
  }
  if (host !== '' && parsed.host.toLowerCase() === host.toLowerCase()) return null;
  return `origin ${parsed.origin.slice(0, 80)} is not this server`;
}
