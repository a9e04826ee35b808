/** What a room's options make: its world, and the Welcome frame that tells a client about the room. */
import { ArenaId, arenaById, GameMode, pickupPointsFor, type RoleCode } from '../../protocol/index.js';
import { createWorld, type World } from '../sim/index.js';
import { welcomeFrame } from './frames.js';
import type { RoomOptions } from './room-types.js';

/** The arena a room is played in. */
export function arenaOf(opts: RoomOptions): number {
  return opts.arenaId ?? ArenaId.Standard;
}

/** A new world for a room built from `opts`. */
export function createRoomWorld(opts: RoomOptions): World {
  const arenaId = arenaOf(opts);
  return createWorld({
    tickHz: opts.tickHz,
    seed: opts.seed,
    arena: arenaById(arenaId),
    mode: opts.mode ?? GameMode.FreeForAll,
    matchFlow: opts.matchFlow ?? true,
    pickups: pickupPointsFor(arenaId),
    ...(opts.killTarget === undefined ? {} : { killTarget: opts.killTarget }),
    ...(opts.roundMs === undefined ? {} : { roundMs: opts.roundMs }),
    ...(opts.timingMs === undefined ? {} : { timingMs: opts.timingMs }),
  });
}

/** The Welcome frame of a room built from `opts` (playing `world`) for `playerId` in `role`. */
export function roomWelcomeFrame(
  opts: RoomOptions,
  world: World,
  playerId: number,
  resumeToken: string,
  role: RoleCode,
  serverTime: number,
): Uint8Array {
  return welcomeFrame({
    playerId,
    code: opts.code,
    roomName: opts.name,
    tickHz: opts.tickHz,
    snapshotHz: opts.snapshotHz,
    maxPlayers: opts.maxPlayers,
    arenaId: arenaOf(opts),
    serverTime,
    mode: world.mode,
    role,
    resumeToken,
  });
}
