import { describe, expect, it } from 'vitest';
import { CHAT_HELP, findPlayer, MuteList, parseChatLine } from '../../game-client/ui/chat-commands.js';

const players = [
  { id: 1, name: 'Ada' },
  { id: 2, name: 'Adam' },
  { id: 3, name: 'Bob' },
  { id: 4, name: 'Zoë' },
];

describe('chat commands', () => {
  it('reads lines: text is sent, a leading slash is a command, a double slash sends a slash', () => {
    expect(parseChatLine('  gg wp ')).toEqual({ kind: 'send', text: 'gg wp' });
    expect(parseChatLine('/mute  Bob ')).toEqual({ kind: 'mute', name: 'Bob' });
    expect(parseChatLine('/UNMUTE bob')).toEqual({ kind: 'unmute', name: 'bob' });
    expect(parseChatLine('/mute')).toEqual({ kind: 'mute', name: '' });
    expect(parseChatLine('/help')).toEqual({ kind: 'help' });
    expect(parseChatLine('/shrug')).toEqual({ kind: 'unknown', command: '/shrug' });
    expect(parseChatLine('//shrug')).toEqual({ kind: 'send', text: '/shrug' });
    expect(CHAT_HELP).toContain('/mute NAME');
  });

  it('finds a player by exact name in any case, else by a unique prefix, and says why not', () => {
    expect(findPlayer('ada', players)).toEqual({ ok: true, player: players[0] });
    expect(findPlayer('b', players)).toEqual({ ok: true, player: players[2] });
    expect(findPlayer('zo', players)).toEqual({ ok: true, player: players[3] });
    expect(findPlayer('Ad', players)).toEqual({
      ok: false,
      reason: '“Ad” could be Ada, Adam: type more of the name.',
    });
    expect(findPlayer('Eve', players)).toEqual({ ok: false, reason: 'No player named “Eve” in this room.' });
    expect(findPlayer('', players)).toEqual({ ok: false, reason: 'Name a player: /mute NAME.' });
  });

  it('mutes and unmutes by id, never yourself, and forgets everything for a new room', () => {
    const mutes = new MuteList();
    mutes.enterRoom('AAAAAA');
    expect(mutes.apply('mute', 'bob', players, 1)).toBe(
      'Muted Bob: their chat is hidden here (/unmute Bob to show it).',
    );
    expect(mutes.hear(3, 'Bob')).toBe(false);
    expect(mutes.hear(2, 'Adam')).toBe(true);
    expect(mutes.apply('mute', 'ada', players, 1)).toBe('You cannot mute yourself.');
    expect(mutes.apply('unmute', 'adam', players, 1)).toBe('Adam was not muted.');
    expect(mutes.apply('unmute', 'BOB', players, 1)).toBe('Unmuted Bob.');
    expect(mutes.hear(3, 'Bob')).toBe(true);
    mutes.apply('mute', 'zoë', players, 1);
    // Resuming into the same room keeps the mutes; another room starts clean.
    mutes.enterRoom('AAAAAA');
    expect(mutes.hear(4, 'Zoë')).toBe(false);
    mutes.enterRoom('BBBBBB');
    expect(mutes.hear(4, 'Zoë')).toBe(true);
  });

  it('can mute someone heard in chat who is in no roster (a spectator)', () => {
    const mutes = new MuteList();
    mutes.enterRoom('AAAAAA');
    mutes.hear(17, 'Watcher');
    expect(mutes.apply('mute', 'watch', players, 1)).toMatch(/^Muted Watcher/);
    expect(mutes.hear(17, 'Watcher')).toBe(false);
    mutes.enterRoom('BBBBBB');
    expect(mutes.apply('mute', 'watch', players, 1)).toBe('No player named “watch” in this room.');
  });
});
