/**
 * POST /admin/rooms/:code/chat {"text"}: an operator's system line to a room on any process. In Redis
 * mode it is published on the room's chat channel and the owning process delivers it; else delivered here.
 */
import type uWS from 'uWebSockets.js';
import { cleanText, isRoomCode, MAX_CHAT_LENGTH } from '../../protocol/index.js';
import type { ClusterDirectory } from '../cluster/index.js';
import type { RoomRegistry } from '../room/room-registry.js';
import { bearerMatches } from './admin-routes.js';
import { deferReply } from './async-reply.js';
import { replyJson } from './http-reply.js';
import { readBody } from './read-body.js';

/** Sender name of operator lines. */
export const OPERATOR_NAME = 'server';

/** What the route uses. */
export interface AdminChatDeps {
  readonly token: string;
  readonly registry: RoomRegistry;
  readonly directory: ClusterDirectory | null;
  /** Delivers a system line to a room of this process; returns how many players got it. */
  readonly deliver: (code: string, from: string, text: string) => number;
  readonly log: { info(obj: object, msg: string): void };
}

/** Registers the route (call before registerAdminRoutes, whose catch-all would answer 404). */
export function registerAdminChatRoute(app: uWS.TemplatedApp, d: AdminChatDeps): void {
  app.post('/admin/rooms/:code/chat', (res, req) => {
    if (!bearerMatches(req.getHeader('authorization'), d.token)) {
      replyJson(res, 401, { error: 'unauthorized', reason: 'send Authorization: Bearer <admin token>' });
      return;
    }
    const code = (req.getParameter(0) ?? '').toUpperCase();
    readBody(res, req.getHeader('content-length'), 4096, (r) => {
      const text = r.ok ? parseText(r.body.toString('utf8')) : null;
      if (!isRoomCode(code) || text === null) {
        res.cork(() =>
          replyJson(res, 400, { error: 'bad_request', reason: 'need a room code and {"text"}' }),
        );
        return;
      }
      const reply = deferReply(res);
      send(d, code, text).then(
        (where) => {
          if (where === null)
            reply.send(() =>
              replyJson(res, 404, { error: 'room_not_found', reason: `no room has the code ${code}` }),
            );
          else {
            d.log.info({ room: code, via: where }, 'admin: chat line sent');
            reply.send(() => replyJson(res, 200, { ok: true, room: code, via: where }));
          }
        },
        () =>
          reply.send(() =>
            replyJson(res, 503, { error: 'server_full', reason: 'the cluster is unavailable' }),
          ),
      );
    });
  });
}

function parseText(body: string): string | null {
  try {
    const raw: unknown = JSON.parse(body);
    if (typeof raw !== 'object' || raw === null) return null;
    const t = (raw as Record<string, unknown>).text;
    if (typeof t !== 'string') return null;
    const c = cleanText(t, MAX_CHAT_LENGTH);
    return c.ok ? c.text : null;
  } catch {
    return null;
  }
}

/** 'local' or 'cluster' for where the line went, null if the room exists nowhere. */
async function send(d: AdminChatDeps, code: string, text: string): Promise<'local' | 'cluster' | null> {
  if (!d.directory) {
    if (!d.registry.get(code)) return null;
    d.deliver(code, OPERATOR_NAME, text);
    return 'local';
  }
  if (!(await d.directory.findRoom(code)) && !d.registry.get(code)) return null;
  await d.directory.publishChat(code, { from: OPERATOR_NAME, text });
  return 'cluster';
}
