/** State frames decoded against the client's baselines and converted to render units: px, radians, entities by id. */
import {
  angleFromWire,
  applyStateMsg,
  BaselineRing,
  PlayerFlag,
  POSITION_SCALE,
  type RoundPhaseCode,
  type StateMsg,
  type WireState,
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
  /** Carrying a power-up (PlayerFlag.PoweredUp); absent on servers without pickups. */
  readonly poweredUp?: boolean;
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

/** A decoded State (wire units) and this client's ack, in render units. */
export function snapshotFromWire(state: WireState, ack: number): Snapshot {
  const playerMap = new Map<number, PlayerView>();
  for (const [id, x, y, angle, hp, flags] of state.players) {
    playerMap.set(id, {
      id,
      x: x / POSITION_SCALE,
      y: y / POSITION_SCALE,
      angle: angleFromWire(angle),
      hp,
      alive: (flags & PlayerFlag.Alive) !== 0,
      protected: (flags & PlayerFlag.Protected) !== 0,
      poweredUp: (flags & PlayerFlag.PoweredUp) !== 0,
    });
  }
  const projectileMap = new Map<number, ProjectileView>();
  for (const [id, ownerId, x, y, vx, vy] of state.projectiles) {
    projectileMap.set(id, { id, ownerId, x: x / POSITION_SCALE, y: y / POSITION_SCALE, vx, vy });
  }
  const [phase, msLeft, number] = state.round;
  return {
    tick: state.tick,
    serverTime: state.serverTime,
    ack,
    players: playerMap,
    projectiles: projectileMap,
    round: { phase, msLeft, number },
  };
}

/** Converts a full State frame (baseAge 0, needing no baseline) to a Snapshot; throws on a delta frame. */
export function snapshotFromState(msg: StateMsg): Snapshot {
  const r = applyStateMsg(msg, () => undefined);
  if (!r.ok) throw new Error(`State frame of tick ${msg[1]}: ${r.reason}`);
  return snapshotFromWire(r.state, r.ack);
}

/**
 * Decodes State frames (deltas against states received earlier) into Snapshots, keeping the last
 * BASELINE_RING_TICKS decoded states as baselines. Feed it every State frame, in order.
 */
export class SnapshotDecoder {
  private readonly baselines = new BaselineRing();
  /**
   * The Snapshot of `msg`, or null when it cannot be decoded (baseline no longer held, or malformed); its tick
   * must then not be acknowledged, and the next full or delta frame recovers.
   */
  decode(msg: StateMsg): Snapshot | null {
    const r = applyStateMsg(msg, (tick) => this.baselines.get(tick));
    if (!r.ok) return null;
    this.baselines.put(r.state);
    return snapshotFromWire(r.state, r.ack);
  }

  /** Forgets every baseline (a new room, or a reconnect). */
  reset(): void {
    this.baselines.clear();
  }
}
