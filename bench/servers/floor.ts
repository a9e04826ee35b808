/** Floor: bare uWebSockets.js + msgpackr, one shared state frame per room per tick plus a 4-byte ack. */

import uWS from 'uWebSockets.js';
import { FLOAT32_OPTIONS, Packr, Unpackr } from 'msgpackr';
import { type ArenaPlayer, markAcksSent, receiveInputMsg, stepPlayer, TICK_MS } from '../shared/arena-sim.js';
import { announceReady, startControlServer } from '../shared/control-server.js';
import { type ArenaRoom, RoomTable } from '../shared/room-table.js';
import { ServerMetrics } from '../shared/server-metrics.js';
import { startTickLoop } from '../shared/tick-loop.js';

if (typeof uWS.SSLApp !== 'function') throw new Error('uWebSockets.js native binary not loaded');

interface Session {
  room: string;
  joined?: { room: ArenaRoom<Socket>; player: ArenaPlayer };
  ack: Uint8Array;
  ackView: DataView;
}
type Socket = uWS.WebSocket<Session>;

const packr = new Packr({ useRecords: false, useFloat32: FLOAT32_OPTIONS.ALWAYS });
const unpackr = new Unpackr({ useRecords: false, mapsAsObjects: true });
const metrics = new ServerMetrics(true);
const table = new RoomTable<Socket>();

function onInput(s: Session, data: ArrayBuffer): void {
  let msg: unknown;
  try {
    msg = unpackr.unpack(new Uint8Array(data));
  } catch {
    return;
  }
  if (s.joined) receiveInputMsg(s.joined.player, msg, performance.now());
}

function tickRoom(room: ArenaRoom<Socket>, tick: number): void {
  const t0 = performance.now();
  const rows = room.players.map((p) => {
    stepPlayer(p);
    return [p.id, p.x, p.y, p.angle, p.hp, p.score];
  });
  const frame = packr.pack([tick, rows]);
  for (const ws of room.conns) {
    const s = ws.getUserData();
    s.ackView.setUint32(0, s.joined?.player.lastSeq ?? 0, true);
    ws.cork(() => {
      if (ws.send(frame, true) === 2) metrics.droppedSends++;
      if (ws.send(s.ack, true) === 2) metrics.droppedSends++;
    });
  }
  const t1 = performance.now();
  markAcksSent(room.players, t1, (ms) => metrics.ackDelay.add(ms));
  metrics.tickRoom.add(t1 - t0);
  metrics.roomTicks++;
}

const app = uWS.App().ws<Session>('/*', {
  idleTimeout: 0,
  maxPayloadLength: 512,
  maxBackpressure: 1 << 20,
  upgrade: (res, req, ctx) => {
    const room = new URLSearchParams(req.getQuery() ?? '').get('room') ?? '0';
    const ack = new Uint8Array(4);
    res.upgrade<Session>(
      { room, ack, ackView: new DataView(ack.buffer) },
      req.getHeader('sec-websocket-key'),
      req.getHeader('sec-websocket-protocol'),
      req.getHeader('sec-websocket-extensions'),
      ctx,
    );
  },
  open: (ws) => {
    const s = ws.getUserData();
    const joined = table.join(s.room, ws);
    if (!joined) return ws.end(4004, 'room_full');
    s.joined = joined;
  },
  message: (ws, data) => onInput(ws.getUserData(), data),
  close: (ws) => {
    const joined = ws.getUserData().joined;
    if (joined) table.leave(joined.room, ws);
  },
});

startTickLoop(TICK_MS, (tick) => {
  const t0 = performance.now();
  for (const room of table.rooms.values()) tickRoom(room, tick);
  metrics.tickAll.add(performance.now() - t0);
});

app.listen('127.0.0.1', 0, async (listenSocket) => {
  if (!listenSocket) throw new Error('floor: listen failed');
  const control = await startControlServer(metrics, () => table.count());
  announceReady({ port: uWS.us_socket_local_port(listenSocket), control });
});
