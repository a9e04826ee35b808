import { describe, expect, it } from 'vitest';
import { PERFECT_NET } from '../../game-client/net/net-conditions.js';
import { Session } from '../../game-client/net/session.js';
import { withNetConditions } from '../../game-client/net/sim-socket.js';
import type { RunningServer } from '../../game-server/net/server.js';
import type { Room } from '../../game-server/room/room.js';
import { MAX_REWIND_MS } from '../../game-server/sim/history.js';
import type { SimPlayer } from '../../game-server/sim/index.js';
import { ClientMsg, joinQuery, Key, PLAYER_MAX_HP, ServerMsg, WS_PATH } from '../../protocol/index.js';
import { openArea } from '../helpers/open-area.js';
import { quietRoom, recordingSocket, useSessions, welcomed } from '../helpers/sessions.js';
import { useHarness } from '../helpers/test-server.js';
import { nodeSocket } from '../helpers/ws-socket.js';

/** Target's distance right of the shooter, px: the shot reaches it within a tick or two. */
const RANGE_PX = 70;
/** Hit distance between a shot's and a player's centres (PLAYER_RADIUS_PX + PROJECTILE_RADIUS_PX). */
const REACH_PX = 20;

/** The shooter: the real client netcode behind 150 ms of simulated RTT, firing right on demand. */
interface Shooter {
  readonly session: Session;
  /** Set to fire on the next input; cleared when that input leaves the client. */
  trigger: boolean;
  /** Called when an Input with Fire leaves the client (before the simulated link). */
  onFireSent: () => void;
}

function openShooter(server: RunningServer, code: string): Shooter {
  const net = withNetConditions(nodeSocket, { ...PERFECT_NET, delayMs: 150 });
  const shooter: Shooter = { session: null as unknown as Session, trigger: false, onFireSent: () => {} };
  const watching = recordingSocket(net, (msg) => {
    if (msg[0] === ClientMsg.Input && (msg[2] & Key.Fire) !== 0) {
      shooter.trigger = false;
      shooter.onFireSent();
    }
  });
  const session = new Session({
    url: `ws://127.0.0.1:${server.port}${WS_PATH}?${joinQuery('shooter', { kind: 'code', code })}`,
    socketFactory: watching,
  });
  session.setInputSource(() => ({ keys: shooter.trigger ? Key.Fire : 0, aimRad: 0 }));
  return Object.assign(shooter, { session });
}

const { track, pump } = useSessions();

/** Places a player (alive, unprotected, keys held as given). */
function place(p: SimPlayer, x: number, y: number, keys = 0): void {
  Object.assign(p, { x, y, keys, alive: true, hp: PLAYER_MAX_HP, protectedUntilTick: 0 });
}

interface Outcome {
  /** The shooter's own screen showed its predicted shot end on the target. */
  readonly screenHit: boolean;
  /** The server registered a hit. */
  readonly serverHit: boolean;
  /** Vertical distance of the target from the line of fire on the server in the tick that fired the shot. */
  readonly presentDy: number;
}

/** Watches the shooter's first predicted shot after firing until it ends or 400 ms pass. */
async function judge(shooter: Shooter, targetId: number, room: Room, target: SimPlayer): Promise<Outcome> {
  let shot: { id: number; x: number; y: number } | null = null;
  let screenHit = false;
  let presentDy = Number.NaN;
  const lineY = () => room.world.players.get(shooter.session.room!.playerId)!.y;
  let doneAt = Number.POSITIVE_INFINITY;
  await pump(() => {
    const f = shooter.session.frame();
    if (!f) return false;
    const drawn = f.others.find((p) => p.id === targetId);
    const now = f.shots[0];
    // The server's copy appears at the end of the tick that fired it: where the target is then.
    const fired = room.world.projectiles.some((q) => q.ownerId === shooter.session.room!.playerId);
    if (fired && Number.isNaN(presentDy)) presentDy = target.y - lineY();
    if (shot && !now && drawn && Math.hypot(drawn.x - shot.x, drawn.y - shot.y) <= REACH_PX + 16)
      screenHit = true;
    if (shot && !now) doneAt = Math.min(doneAt, performance.now() + 300);
    shot = now ? { id: now.id, x: now.x, y: now.y } : shot;
    return performance.now() > doneAt;
  });
  return { screenHit, serverHit: target.hp < PLAYER_MAX_HP, presentDy };
}

describe('lag compensation through the real server and client at 150 ms RTT', () => {
  const harness = useHarness();

  it('a shot that hit on the shooter’s screen registers; one at a target already gone there does not', async () => {
    const server = await harness.start();
    // A private room built through the registry: nobody else (bot, quick-play client) in it, no warmup.
    const code = quietRoom(server, 'lag compensation').code;
    const targetClient = await harness.connect(server, { name: 'target', room: { kind: 'code', code } });
    const targetId = (await targetClient.nextMessage(ServerMsg.Welcome))[2];
    const shooter = openShooter(server, code);
    track(shooter.session);
    await welcomed(shooter.session);
    const room = server.registry.get(code)!;
    const me = room.world.players.get(shooter.session.room!.playerId)!;
    const target = room.world.players.get(targetId)!;
    const area = openArea(room.world.arena, RANGE_PX + 80, 360);
    const x0 = area.x + 40;
    const y0 = area.y + 180;
    place(me, x0, y0);

    // 1. The target walks down across the line of fire; the shooter fires when, on its own screen,
    // the target is about to cross it. On the server the target is ~40 px further by then.
    place(target, x0 + RANGE_PX, y0 - 150, Key.Down);
    await pump(() => {
      const f = shooter.session.frame();
      const drawn = f?.others.find((p) => p.id === targetId);
      if (drawn && drawn.y >= y0 - 14 && drawn.y < y0) shooter.trigger = true;
      return shooter.trigger;
    });
    const crossing = await judge(shooter, targetId, room, target);
    const stats = shooter.session.netStats();
    console.info(
      `[netcode] lag compensation, crossing target: screen hit ${crossing.screenHit}, server hit ${crossing.serverHit}, target ${crossing.presentDy.toFixed(1)} px off the line on the server when fired (RTT ${stats.rttMs.toFixed(0)} ms, interp ${stats.interpDelayMs.toFixed(0)} ms, rewound ${me.viewLagMs} ms)`,
    );
    // The shooter's whole view lag is rewound: a capped rewind would resolve its shots later than it saw.
    expect(me.viewLagMs).toBeLessThan(MAX_REWIND_MS);
    expect(crossing.screenHit).toBe(true);
    expect(crossing.serverHit).toBe(true);
    expect(Math.abs(crossing.presentDy)).toBeGreaterThan(REACH_PX);

    // 2. The target stands out of the line; once the shooter sees it there, it is put back into the line
    // at the very moment the shooter's fire leaves the client: it is there on the server, not on screen.
    place(target, x0 + RANGE_PX, y0 + 120);
    await pump(() => {
      const drawn = shooter.session.frame()?.others.find((p) => p.id === targetId);
      return drawn !== undefined && Math.abs(drawn.y - (y0 + 120)) < 0.5;
    });
    await new Promise((r) => setTimeout(r, 250));
    shooter.onFireSent = () => place(target, x0 + RANGE_PX, y0);
    shooter.trigger = true;
    const gone = await judge(shooter, targetId, room, target);
    console.info(
      `[netcode] lag compensation, target gone on screen: screen hit ${gone.screenHit}, server hit ${gone.serverHit}, target ${gone.presentDy.toFixed(1)} px off the line on the server when fired (rewound ${me.viewLagMs} ms)`,
    );
    expect(me.viewLagMs).toBeLessThan(MAX_REWIND_MS);
    expect(gone.screenHit).toBe(false);
    expect(gone.serverHit).toBe(false);
    expect(Math.abs(gone.presentDy)).toBeLessThan(1);
  }, 60_000);
});
