/** Hash routing: `#/room/CODE` links straight into a room; query parameters tune the client. */
import { isRoomCode } from '../../protocol/index.js';

/** The room code in the current hash (`#/room/CODE`), upper-cased, or null. */
export function roomFromHash(hash: string): string | null {
  const m = /^#\/room\/([^/?#]+)/.exec(hash);
  if (!m?.[1]) return null;
  const code = decodeURIComponent(m[1]).trim().toUpperCase();
  return isRoomCode(code) ? code : code.length > 0 ? code.slice(0, 12) : null;
}

/** Puts the room in the address bar without triggering navigation. */
export function setRoomHash(code: string): void {
  history.replaceState(null, '', `${location.pathname}${location.search}#/room/${code}`);
}

/** Clears the hash without triggering navigation. */
export function clearHash(): void {
  history.replaceState(null, '', `${location.pathname}${location.search}`);
}

/** The shareable link of a room. */
export function shareUrl(code: string): string {
  return `${location.origin}/#/room/${code}`;
}

/** `?name=` from the page URL, if any. */
export function nameParam(): string | null {
  return new URLSearchParams(location.search).get('name');
}

/** `?interp=` from the page URL: an interpolation delay in ms (0-1000), or undefined. */
export function interpParam(): number | undefined {
  const raw = new URLSearchParams(location.search).get('interp');
  if (raw === null || !/^\d{1,4}$/.test(raw)) return undefined;
  return Math.min(1000, Number(raw));
}
