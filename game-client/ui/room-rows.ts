/** The rows of the public room list: name, mode, code, state, players, and Join / Watch (Watch only when full). */
import type { RoomListing } from './rooms-api.js';

/** Label of a room's mode. */
export function modeLabel(mode: RoomListing['mode']): string {
  return mode === 'tdm' ? 'Team DM' : 'Free-for-all';
}

/** List items for `rooms` (null: the server is unreachable); `go(code, spectate)` joins or watches. */
export function renderRoomRows(
  doc: Document,
  rooms: readonly RoomListing[] | null,
  go: (code: string, spectate: boolean) => void,
): HTMLElement[] {
  const el = (tag: string, className: string, text = '') => {
    const e = doc.createElement(tag);
    e.className = className;
    e.textContent = text;
    return e;
  };
  if (!rooms || rooms.length === 0) {
    return [
      el(
        'li',
        'empty',
        rooms ? 'No public rooms yet. Create one, or hit Quick Play.' : 'Cannot reach the server…',
      ),
    ];
  }
  return rooms.map((r) => {
    const full = r.players >= r.maxPlayers;
    const li = el('li', `room-row${full ? ' full' : ''}`);
    li.tabIndex = 0;
    li.setAttribute('role', 'button');
    li.dataset.code = r.code;
    li.title = full ? 'Full: click to watch as a spectator' : 'Click to join';
    const mode = el('span', `room-mode ${r.mode === 'tdm' ? 'tdm' : 'ffa'}`, modeLabel(r.mode));
    const state = el(
      'span',
      `room-state ${r.state}`,
      r.state === 'intermission' ? 'between rounds' : 'playing',
    );
    const count = el(
      'span',
      'room-count',
      full ? `full ${r.players}/${r.maxPlayers}` : `${r.players}/${r.maxPlayers}`,
    );
    const watch = el('button', 'small watch', 'Watch') as HTMLButtonElement;
    watch.type = 'button';
    watch.title = 'Join as a spectator';
    watch.addEventListener('click', (e) => {
      e.stopPropagation();
      go(r.code, true);
    });
    const tags = el('span', 'room-tags');
    tags.append(mode, state);
    li.append(el('span', 'room-name', r.name), el('span', 'room-code', r.code), watch, tags, count);
    li.addEventListener('click', () => go(r.code, full));
    li.addEventListener('keydown', (e) => {
      if (e.target !== li || (e.key !== 'Enter' && e.key !== ' ')) return;
      e.preventDefault();
      go(r.code, full);
    });
    return li;
  });
}
