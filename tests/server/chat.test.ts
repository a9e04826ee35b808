import { describe, expect, it } from 'vitest';
import { ClientMsg, NoticeCode, ServerMsg } from '../../protocol/index.js';
import { useHarness } from '../helpers/test-server.js';

const h = useHarness();

describe('chat', () => {
  it('reaches everyone in the room, sender included, with markup kept as literal text', async () => {
    const server = await h.start();
    const a = await h.connect(server, { name: 'ann', room: { kind: 'quick' } });
    const [, , , code] = await a.nextMessage(ServerMsg.Welcome);
    const b = await h.connect(server, { name: 'bob', room: { kind: 'code', code } });
    await b.nextMessage(ServerMsg.Welcome);
    const other = server.registry.create({ name: 'Elsewhere', maxPlayers: 4, isPrivate: false });
    if (!other) throw new Error('no room');
    const c = await h.connect(server, { name: 'cat', room: { kind: 'code', code: other.code } });
    await c.nextMessage(ServerMsg.Welcome);

    const text = '<img src=x onerror=alert(1)> <b>hi</b>';
    a.send([ClientMsg.Chat, `  ${text}\u202E `]);
    const atA = await a.nextMessage(ServerMsg.Chat);
    const atB = await b.nextMessage(ServerMsg.Chat);
    expect(atA.slice(1, 4)).toEqual([1, 'ann', text]);
    expect(atB.slice(1, 4)).toEqual([1, 'ann', text]);
    // c is in another room: its next chat must be its own line, not ann's.
    c.send([ClientMsg.Chat, 'only here']);
    const atC = await c.nextMessage(ServerMsg.Chat);
    expect(atC[3]).toBe('only here');
  });

  it('rejects empty chat and rate-limits bursts with notices to the sender', async () => {
    const server = await h.start();
    const a = await h.connect(server, { name: 'spam', room: { kind: 'quick' } });
    await a.nextMessage(ServerMsg.Welcome);
    a.send([ClientMsg.Chat, ' \n\t ']);
    const rejected = await a.nextMessage(ServerMsg.Notice);
    expect(rejected[1]).toBe(NoticeCode.ChatRejected);
    for (let i = 0; i < 8; i++) a.send([ClientMsg.Chat, `line ${i}`]);
    const limited = await a.nextMessage(ServerMsg.Notice);
    expect(limited[1]).toBe(NoticeCode.ChatRateLimited);
  });
});
