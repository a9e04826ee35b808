/** The lobby API in cluster mode: room list, lookup, the seat-dispensing join probe and creation, cluster-wide. */
import type uWS from 'uWebSockets.js';
import { ArenaId, isRefusal, isResume, isRoomCode, JoinError, parseJoinQuery } from '../../protocol/index.js';
import type { ClusterMatchmaker } from '../cluster/cluster-matchmaker.js';
import { type ClusterDirectory, ClusterError } from '../cluster/index.js';
import { deferReply } from './async-reply.js';
import { MAX_CREATE_BODY_BYTES, parseCreateRoom } from './create-room.js';
import { replyJson } from './http-reply.js';
import { readBody } from './read-body.js';
import type { RequestGuard } from './request-guard.js';

/** What the cluster lobby routes use. */
export interface ClusterRouteDeps {
  readonly directory: ClusterDirectory;
  readonly matchmaker: ClusterMatchmaker;
  readonly defaultMaxPlayers: number;
  readonly guard: RequestGuard;
  readonly warn: (obj: object, msg: string) => void;
}

/** Why a resume cannot be routed (same sentence whatever the cause). */
const RESUME_GONE = 'your seat expired or its server restarted: join again';

const unavailable = (err: unknown) => ({
  error: 'server_full',
  reason: `the server cluster is unavailable${err instanceof ClusterError ? `: ${err.kind}` : ''}`,
});

/** Registers GET /api/rooms, /api/rooms/:code, /api/join and POST /api/rooms over the directory. */
export function registerClusterRoutes(app: uWS.TemplatedApp, d: ClusterRouteDeps): void {
  const fail = (reply: ReturnType<typeof deferReply>, res: uWS.HttpResponse) => (err: unknown) => {
    d.warn({ err: String(err) }, 'cluster lobby request failed');
    reply.send(() => replyJson(res, 503, unavailable(err)));
  };

  app.get('/api/rooms', (res) => {
    const reply = deferReply(res);
    d.directory.listPublicRooms().then(
      (rooms) => {
        const list = rooms.map(({ code, name, players, maxPlayers, state, url }) => ({
          code,
          name,
          players,
          maxPlayers,
          state,
          url,
        }));
        reply.send(() => replyJson(res, 200, list));
      },
      fail(reply, res),
    );
  });

  app.get('/api/rooms/:code', (res, req) => {
    const code = req.getParameter(0)?.toUpperCase() ?? '';
    const reply = deferReply(res);
    const notFound = () =>
      reply.send(() =>
        replyJson(res, 404, { error: 'room_not_found', reason: `no room has the code ${code.slice(0, 12)}` }),
      );
    if (!isRoomCode(code)) {
      notFound();
      return;
    }
    d.directory.findRoom(code).then(
      (room) => {
        if (!room) return notFound();
        const { code: c, name, players, maxPlayers, state, url } = room;
        reply.send(() =>
          replyJson(res, 200, { code: c, name, players, maxPlayers, state, private: room.private, url }),
        );
      },
      fail(reply, res),
    );
  });

  // The browser's probe before the upgrade; in cluster mode it reserves the seat: {code, url, seat}.
  app.get('/api/join', (res, req) => {
    if (!d.guard(res, req, false)) return;
    const params = new URLSearchParams(req.getQuery() ?? '');
    const parsed = parseJoinQuery((k) => params.get(k));
    if (isRefusal(parsed)) {
      replyJson(res, JoinError[parsed.error], parsed);
      return;
    }
    const reply = deferReply(res);
    if (isResume(parsed)) {
      // Where the held seat lives: the client resumes on that node's url.
      d.directory.findResumeNode(parsed.resume).then(
        (node) => {
          if (node) reply.send(() => replyJson(res, 200, { code: null, url: node.url }));
          else
            reply.send(() =>
              replyJson(res, JoinError.resume_failed, { error: 'resume_failed', reason: RESUME_GONE }),
            );
        },
        fail(reply, res),
      );
      return;
    }
    d.matchmaker.placeSeat(parsed.room, parsed.name).then(
      (p) => {
        if (!p.ok) reply.send(() => replyJson(res, JoinError[p.refusal.error], p.refusal));
        else reply.send(() => replyJson(res, 200, { code: p.code, url: p.url, seat: p.seat }));
      },
      fail(reply, res),
    );
  });

  app.post('/api/rooms', (res, req) => {
    if (!d.guard(res, req, true)) return;
    readBody(res, req.getHeader('content-length'), MAX_CREATE_BODY_BYTES, (r) => {
      if (!r.ok) {
        res.cork(() => {
          const reason = `body is larger than ${MAX_CREATE_BODY_BYTES} bytes`;
          replyJson(res, 413, { error: 'too_large', reason }, true);
        });
        return;
      }
      const parsed = parseCreateRoom(r.body.toString('utf8'), d.defaultMaxPlayers);
      if (!parsed.ok) {
        res.cork(() => replyJson(res, 400, { error: 'bad_request', reason: parsed.reason }));
        return;
      }
      // Replaces readBody's abort handler, which has nothing left to guard.
      const reply = deferReply(res);
      const spec = {
        name: parsed.req.name,
        maxPlayers: parsed.req.maxPlayers,
        private: parsed.req.isPrivate,
        arena: parsed.req.arenaId === ArenaId.Large ? ('large' as const) : ('standard' as const),
      };
      createOnCluster(d.directory, spec).then(
        (out) => {
          if (out === null) {
            const reason = 'no server can take another room: try again later';
            reply.send(() => replyJson(res, 503, { error: 'server_full', reason }));
          } else reply.send(() => replyJson(res, 201, out));
        },
        fail(reply, res),
      );
    });
  });
}

async function createOnCluster(
  directory: ClusterDirectory,
  spec: { name: string; maxPlayers: number; private: boolean; arena: 'standard' | 'large' },
): Promise<{ code: string; url: string } | null> {
  const node = await directory.pickNodeForNewRoom();
  if (!node) return null;
  const code = await directory.requestCreateRoom(node.nodeId, spec);
  return { code, url: node.publicUrl };
}
