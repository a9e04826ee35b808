/** A State message converted to render units: px, radians, booleans, entities keyed by id. */
import {
  angleFromWire,
  PlayerFlag,
  POSITION_SCALE,
  type RoundPhaseCode,
  type StateMsg,
} from '../../protocol/index.js';

/** A player as drawn: position in px, facing in radians. */
export interface PlayerView {
  readonly id: number;
  readonly x: number;
  readonly y: number;
  readonly angle: number;
  readonly hp: number;
  readonly alive: boolean;
  readonly protected: boolean;
}

/** A projectile as drawn: position in px, velocity in px/s. */
export interface ProjectileView {
  readonly id: number;
  readonly ownerId: number;
  readonly x: number;
  readonly y: number;
  readonly vx: number;
  readonly vy: number;
}

/** The round clock as of one snapshot. */
export interface RoundView {
  readonly phase: RoundPhaseCode;
  readonly msLeft: number;
  readonly number: number;
}

/** One server tick's world, in render units. */
export interface Snapshot {
  readonly tick: number;
  readonly serverTime: number;
  /** Last input seq the server had applied for this client. */
  readonly ack: number;
  readonly players: ReadonlyMap<number, PlayerView>;
  readonly projectiles: ReadonlyMap<number, ProjectileView>;
  readonly round: RoundView;
}

/** Converts a State message from wire units (1/POSITION_SCALE px, 1/ANGLE_SCALE rad) to a Snapshot. */
export function snapshotFromState(msg: StateMsg): Snapshot {
  const [, tick, serverTime, ack, players, projectiles, round] = msg;
  const playerMap = new Map<number, PlayerView>();
  for (const [id, x, y, angle, hp, flags] of players) {
    playerMap.set(id, {
      id,
      x: x / POSITION_SCALE,
      y: y / POSITION_SCALE,
      angle: angleFromWire(angle),
      hp,
      alive: (flags & PlayerFlag.Alive) !== 0,
      protected: (flags & PlayerFlag.Protected) !== 0,
    });
  }
  const projectileMap = new Map<number, ProjectileView>();
  for (const [id, ownerId, x, y, vx, vy] of projectiles) {
    projectileMap.set(id, { id, ownerId, x: x / POSITION_SCALE, y: y / POSITION_SCALE, vx, vy });
  }
  const [phase, msLeft, number] = round;
  return {
    tick,
    serverTime,
    ack,
    players: playerMap,
    projectiles: projectileMap,
    round: { phase, msLeft, number },
  };
}
