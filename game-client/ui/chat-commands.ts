/** Chat commands run in this browser only: /mute and /unmute a player's chat, /help. Pure logic, no DOM. */

/** A player as the commands see them: the room's roster. */
export interface ChatPlayer {
  readonly id: number;
  readonly name: string;
}

/** What a chat line asks for: text to send, or a command to run here. */
export type ChatCommand =
  | { readonly kind: 'send'; readonly text: string }
  | { readonly kind: 'mute' | 'unmute'; readonly name: string }
  | { readonly kind: 'help' }
  | { readonly kind: 'unknown'; readonly command: string };

/** The line /help answers with (and an unknown command too). */
export const CHAT_HELP = 'Commands: /mute NAME hides a player’s chat, /unmute NAME shows it again, /help.';

/** Reads a typed chat line: a leading "/" makes it a command ("//" sends a line starting with "/"). */
export function parseChatLine(line: string): ChatCommand {
  const text = line.trim();
  if (!text.startsWith('/')) return { kind: 'send', text };
  if (text.startsWith('//')) return { kind: 'send', text: text.slice(1) };
  const space = text.search(/\s/);
  const command = (space < 0 ? text : text.slice(0, space)).toLowerCase();
  const arg = space < 0 ? '' : text.slice(space + 1).trim();
  if (command === '/mute' || command === '/unmute')
    return { kind: command === '/mute' ? 'mute' : 'unmute', name: arg };
  if (command === '/help') return { kind: 'help' };
  return { kind: 'unknown', command };
}

/** The player `name` means: an exact name (any case), else the only name starting with it; or why none. */
export function findPlayer(
  name: string,
  players: readonly ChatPlayer[],
): { ok: true; player: ChatPlayer } | { ok: false; reason: string } {
  const wanted = name.toLocaleLowerCase();
  if (wanted === '') return { ok: false, reason: 'Name a player: /mute NAME.' };
  const exact = players.filter((p) => p.name.toLocaleLowerCase() === wanted);
  const matches =
    exact.length > 0 ? exact : players.filter((p) => p.name.toLocaleLowerCase().startsWith(wanted));
  if (matches.length === 1) return { ok: true, player: matches[0] as ChatPlayer };
  if (matches.length === 0) return { ok: false, reason: `No player named “${name}” in this room.` };
  const names = matches.map((p) => p.name).join(', ');
  return { ok: false, reason: `“${name}” could be ${names}: type more of the name.` };
}

/**
 * The players whose chat this browser hides, by room-local id, and the names it can mute: the roster's
 * and everyone heard in chat (spectators are in no roster). A new room starts with none of either.
 */
export class MuteList {
  private readonly ids = new Set<number>();
  private readonly heard = new Map<number, string>();
  private room = '';

  /** Forgets mutes and names when `roomCode` is another room than before (ids mean nothing there). */
  enterRoom(roomCode: string): void {
    if (roomCode === this.room) return;
    this.room = roomCode;
    this.ids.clear();
    this.heard.clear();
  }

  /** Notes who sent a chat line; true if the line is to be shown. */
  hear(id: number, name: string): boolean {
    this.heard.set(id, name);
    return !this.ids.has(id);
  }

  /** Runs /mute or /unmute `name` against `roster` and everyone heard (not yourself); returns the line to show. */
  apply(kind: 'mute' | 'unmute', name: string, roster: readonly ChatPlayer[], ownId: number | null): string {
    const known = new Map(this.heard);
    for (const p of roster) known.set(p.id, p.name);
    const found = findPlayer(
      name,
      [...known].map(([id, n]) => ({ id, name: n })),
    );
    if (!found.ok) return found.reason;
    const { id, name: who } = found.player;
    if (id === ownId) return 'You cannot mute yourself.';
    if (kind === 'mute') {
      this.ids.add(id);
      return `Muted ${who}: their chat is hidden here (/unmute ${who} to show it).`;
    }
    return this.ids.delete(id) ? `Unmuted ${who}.` : `${who} was not muted.`;
  }
}
