/** Colyseus 0.18 (ws transport): schema delta patches at patchRate 33 ms, simulation at 30 Hz. */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Client, Room, Server } from '@colyseus/core';
import { WebSocketTransport } from '@colyseus/ws-transport';
import {
  type ArenaPlayer,
  markAcksSent,
  ROOM_SIZE,
  receiveInputMsg,
  spawnPlayer,
  stepPlayer,
  TICK_MS,
} from '../shared/arena-sim.js';
import { announceReady, startControlServer } from '../shared/control-server.js';
import { ServerMetrics } from '../shared/server-metrics.js';
import { type ArenaState, createArenaState, Player } from './colyseus-state.js';

const metrics = new ServerMetrics(false);
const counts = { clients: 0, rooms: 0 };

function copyToSchema(p: ArenaPlayer, s: Player): void {
  if (s.x !== p.x) s.x = p.x;
  if (s.y !== p.y) s.y = p.y;
  if (s.angle !== p.angle) s.angle = p.angle;
  if (s.hp !== p.hp) s.hp = p.hp;
  if (s.score !== p.score) s.score = p.score;
  if (s.lastSeq !== p.lastSeq) s.lastSeq = p.lastSeq;
}

/** The workload room: the simulation mutates schema state, Colyseus patches it on its own timer. */
class ArenaRoom extends Room<{ state: ArenaState }> {
  override maxClients = ROOM_SIZE;
  private readonly sim = new Map<string, { player: ArenaPlayer; schema: Player }>();
  private nextId = 0;
  private lastSimMs = 0;

  override onCreate(): void {
    this.setState(createArenaState());
    counts.rooms++;
    this.patchRate = 33;
    this.onMessage('input', (client: Client, m: unknown) => {
      const entry = this.sim.get(client.sessionId);
      if (entry) receiveInputMsg(entry.player, m, performance.now());
    });
    this.setSimulationInterval(() => this.simulate(), TICK_MS);
  }

  private simulate(): void {
    const t0 = performance.now();
    for (const { player, schema } of this.sim.values()) {
      stepPlayer(player);
      copyToSchema(player, schema);
    }
    this.lastSimMs = performance.now() - t0;
  }

  override broadcastPatch(): boolean {
    const t0 = performance.now();
    const sent = super.broadcastPatch();
    const t1 = performance.now();
    const players = Array.from(this.sim.values(), (e) => e.player);
    markAcksSent(players, t1, (ms) => metrics.ackDelay.add(ms));
    metrics.tickRoom.add(this.lastSimMs + (t1 - t0));
    metrics.roomTicks++;
    return sent;
  }

  override onJoin(client: Client): void {
    const player = spawnPlayer(this.nextId++);
    const schema = new Player();
    schema.id = player.id;
    copyToSchema(player, schema);
    this.state.players.set(client.sessionId, schema);
    this.sim.set(client.sessionId, { player, schema });
    counts.clients++;
  }

  override onLeave(client: Client): void {
    this.state.players.delete(client.sessionId);
    if (this.sim.delete(client.sessionId)) counts.clients--;
  }

  override onDispose(): void {
    counts.rooms--;
  }
}

const http = createServer();
const server = new Server({ transport: new WebSocketTransport({ server: http }), greet: false });
server.define('arena', ArenaRoom);
await server.listen(0, '127.0.0.1');
const control = await startControlServer(metrics, () => counts);
announceReady({ port: (http.address() as AddressInfo).port, control });
