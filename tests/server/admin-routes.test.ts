import uWS from 'uWebSockets.js';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  type AdminRoom,
  type AdminTarget,
  bearerMatches,
  registerAdminRoutes,
} from '../../game-server/net/admin-routes.js';
import { CloseCode } from '../../protocol/index.js';

const TOKEN = 'test-admin-token-0123456789';

interface Member {
  readonly id: number;
  readonly ws: uWS.WebSocket<{ code: string; id: number }>;
}

/** A fake target whose "rooms" are real WebSockets on the same app, so close codes reach real clients. */
class FakeTarget implements AdminTarget {
  readonly members = new Map<string, Member[]>([
    ['AAAAAA', []],
    ['BBBBBB', []],
  ]);
  rooms(): readonly AdminRoom[] {
    return [...this.members].map(([code, ms]) => ({
      code,
      name: `Room ${code}`,
      private: code === 'BBBBBB',
      state: 'playing',
      maxPlayers: 8,
      players: ms.map((m) => ({ id: m.id, name: `p${m.id}` })),
    }));
  }
  closeRoom(code: string, closeCode: number, reason: string): boolean {
    const ms = this.members.get(code);
    if (!ms) return false;
    this.members.delete(code);
    for (const m of ms) m.ws.end(closeCode, reason);
    return true;
  }
  kick(code: string, playerId: number, closeCode: number, reason: string): boolean {
    const ms = this.members.get(code);
    const m = ms?.find((x) => x.id === playerId);
    if (!ms || !m) return false;
    ms.splice(ms.indexOf(m), 1);
    m.ws.end(closeCode, reason);
    return true;
  }
}

const listening: uWS.us_listen_socket[] = [];
const clients: WebSocket[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.terminate();
  for (const ls of listening.splice(0)) uWS.us_listen_socket_close(ls);
});

async function start(token: string | null) {
  const target = new FakeTarget();
  const app = uWS.App();
  app.ws<{ code: string; id: number }>('/ws', {
    upgrade: (res, req, ctx) => {
      const q = new URLSearchParams(req.getQuery() ?? '');
      const data = { code: q.get('room') ?? '', id: Number(q.get('id')) };
      res.upgrade(
        data,
        req.getHeader('sec-websocket-key'),
        req.getHeader('sec-websocket-protocol'),
        req.getHeader('sec-websocket-extensions'),
        ctx,
      );
    },
    open: (ws) => {
      const d = ws.getUserData();
      target.members.get(d.code)?.push({ id: d.id, ws });
    },
  });
  registerAdminRoutes(app, target, token);
  const ls = await new Promise<uWS.us_listen_socket>((resolve, reject) =>
    app.listen('127.0.0.1', 0, (s) => (s ? resolve(s) : reject(new Error('cannot listen')))),
  );
  listening.push(ls);
  const port = uWS.us_socket_local_port(ls as uWS.us_socket);
  const base = `http://127.0.0.1:${port}`;
  const join = async (room: string, id: number) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws?room=${room}&id=${id}`);
    clients.push(ws);
    await once(ws, 'open');
    return ws;
  };
  return { target, base, join };
}

const auth = { Authorization: `Bearer ${TOKEN}` };
const closeOf = async (ws: WebSocket) => {
  const [code, reason] = (await once(ws, 'close')) as [number, Buffer];
  return { code, reason: reason.toString() };
};

describe('admin routes', () => {
  it('answers 401 without a token or with a wrong one', async () => {
    const { base } = await start(TOKEN);
    const attempts: Record<string, string>[] = [
      {},
      { Authorization: 'Bearer wrong-token-wrong-token' },
      { Authorization: `Bearer ${TOKEN}x` },
      { Authorization: `Basic ${TOKEN}` },
      { Authorization: TOKEN },
    ];
    for (const headers of attempts) {
      const r = await fetch(`${base}/admin/rooms`, { headers });
      expect(r.status).toBe(401);
      expect(r.headers.get('www-authenticate')).toContain('Bearer');
      expect(((await r.json()) as { error: string }).error).toBe('unauthorized');
    }
    const del = await fetch(`${base}/admin/rooms/AAAAAA`, { method: 'DELETE' });
    expect(del.status).toBe(401);
    const kick = await fetch(`${base}/admin/rooms/AAAAAA/kick/1`, { method: 'POST' });
    expect(kick.status).toBe(401);
  });

  it('is disabled (404) when no token is configured', async () => {
    const { base } = await start(null);
    const r = await fetch(`${base}/admin/rooms`, { headers: auth });
    expect(r.status).toBe(404);
  });

  it('refuses a short token at registration', () => {
    expect(() => registerAdminRoutes(uWS.App(), new FakeTarget(), 'short')).toThrow(/at least 16/);
  });

  it('lists every room, private ones too, with players', async () => {
    const { base, join } = await start(TOKEN);
    await join('BBBBBB', 4);
    const r = await fetch(`${base}/admin/rooms`, { headers: auth });
    expect(r.status).toBe(200);
    const rooms = (await r.json()) as AdminRoom[];
    expect(rooms.map((x) => x.code)).toEqual(['AAAAAA', 'BBBBBB']);
    expect(rooms[1]).toMatchObject({ private: true, players: [{ id: 4, name: 'p4' }] });
  });

  it('closes a room: its clients get 4006', async () => {
    const { base, join, target } = await start(TOKEN);
    const a = await join('AAAAAA', 1);
    const b = await join('AAAAAA', 2);
    const closes = Promise.all([closeOf(a), closeOf(b)]);
    const r = await fetch(`${base}/admin/rooms/aaaaaa`, { method: 'DELETE', headers: auth });
    expect(r.status).toBe(200);
    for (const c of await closes) {
      expect(c.code).toBe(CloseCode.RoomClosed);
      expect(c.reason).toMatch(/^room_closed:/);
    }
    expect(target.members.has('AAAAAA')).toBe(false);
    const again = await fetch(`${base}/admin/rooms/AAAAAA`, { method: 'DELETE', headers: auth });
    expect(again.status).toBe(404);
    const bad = await fetch(`${base}/admin/rooms/not-a-code`, { method: 'DELETE', headers: auth });
    expect(bad.status).toBe(404);
  });

  it('kicks one player with 4007 and leaves the others', async () => {
    const { base, join, target } = await start(TOKEN);
    const a = await join('AAAAAA', 1);
    await join('AAAAAA', 2);
    const closed = closeOf(a);
    const r = await fetch(`${base}/admin/rooms/AAAAAA/kick/1`, { method: 'POST', headers: auth });
    expect(r.status).toBe(200);
    expect((await closed).code).toBe(CloseCode.Kicked);
    expect(target.members.get('AAAAAA')?.map((m) => m.id)).toEqual([2]);
    const missing = await fetch(`${base}/admin/rooms/AAAAAA/kick/9`, { method: 'POST', headers: auth });
    expect(missing.status).toBe(404);
    const bad = await fetch(`${base}/admin/rooms/AAAAAA/kick/x1`, { method: 'POST', headers: auth });
    expect(bad.status).toBe(400);
  });

  it('compares bearer tokens exactly', () => {
    expect(bearerMatches(`Bearer ${TOKEN}`, TOKEN)).toBe(true);
    expect(bearerMatches(`bearer ${TOKEN}`, TOKEN)).toBe(false);
    expect(bearerMatches('Bearer ', TOKEN)).toBe(false);
    expect(bearerMatches('', TOKEN)).toBe(false);
  });
});
