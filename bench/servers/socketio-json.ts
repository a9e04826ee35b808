/** socket.io 4.8 with JSON: one `state` event per room per tick, every player's ack inside it. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket } from 'socket.io';
import { markAcksSent, receiveInputMsg, stepPlayer, TICK_MS } from '../shared/arena-sim.js';
import { announceReady, startControlServer } from '../shared/control-server.js';
import { type ArenaRoom, RoomTable } from '../shared/room-table.js';
import { ServerMetrics } from '../shared/server-metrics.js';
import { startTickLoop } from '../shared/tick-loop.js';

const metrics = new ServerMetrics(true);
const table = new RoomTable<Socket>();
const http = createServer();
const io = new Server(http, { transports: ['websocket'], serveClient: false, perMessageDeflate: false });

io.on('connection', (socket) => {
  const q = socket.handshake.query.room;
  const name = `r${typeof q === 'string' ? q : '0'}`;
  const joined = table.join(name, socket);
  if (!joined) {
    socket.disconnect(true);
    return;
  }
  void socket.join(name);
  socket.emit('hello', { id: joined.player.id });
  socket.on('input', (m: unknown) => receiveInputMsg(joined.player, m, performance.now()));
  socket.on('disconnect', () => table.leave(joined.room, socket));
});

function tickRoom(room: ArenaRoom<Socket>, tick: number): void {
  const t0 = performance.now();
  const p = room.players.map((pl) => {
    stepPlayer(pl);
    return { id: pl.id, x: pl.x, y: pl.y, angle: pl.angle, hp: pl.hp, score: pl.score, seq: pl.lastSeq };
  });
  io.to(room.name).emit('state', { t: tick, p });
  const t1 = performance.now();
  markAcksSent(room.players, t1, (ms) => metrics.ackDelay.add(ms));
  metrics.tickRoom.add(t1 - t0);
  metrics.roomTicks++;
}

startTickLoop(TICK_MS, (tick) => {
  const t0 = performance.now();
  for (const room of table.rooms.values()) tickRoom(room, tick);
  metrics.tickAll.add(performance.now() - t0);
});

http.listen(0, '127.0.0.1', async () => {
  const control = await startControlServer(metrics, () => table.count());
  announceReady({ port: (http.address() as AddressInfo).port, control });
});
