/** Interest management for large rooms: each client gets only the entities near it, with hysteresis. */
import {
  BaselineRing,
  POSITION_SCALE,
  type WireEntity,
  type WirePlayer,
  type WireProjectile,
  type WireState,
} from '../../protocol/index.js';

/** An entity enters a client's view within this many px of it on both axes (about a screen and a half). */
export const INTEREST_ENTER_PX = 1000;
/** ... and leaves it only beyond this many px, so an entity at the edge does not flicker in and out. */
export const INTEREST_EXIT_PX = 1200;

function near(x: number, y: number, cx: number, cy: number, px: number): boolean {
  const r = px * POSITION_SCALE;
  return Math.abs(x - cx) <= r && Math.abs(y - cy) <= r;
}

/** One client's view: which entities it sees now (the hysteresis memory), and the states it was sent. */
export class InterestView {
  /** The filtered states sent to this client, by tick: its baselines (each client's states differ). */
  readonly sent = new BaselineRing<WireState>();
  private players = new Set<number>();
  private shots = new Set<number>();

  constructor(
    readonly selfId: number,
    private readonly enterPx = INTEREST_ENTER_PX,
    private readonly exitPx = INTEREST_EXIT_PX,
  ) {}

  private keep<T extends WireEntity>(
    all: readonly T[],
    seen: Set<number>,
    xAt: number,
    cx: number,
    cy: number,
  ): { list: T[]; seen: Set<number> } {
    const list: T[] = [];
    const next = new Set<number>();
    for (const e of all) {
      const id = e[0] as number;
      const radius = seen.has(id) ? this.exitPx : this.enterPx;
      if (id === this.selfId && xAt === 1) list.push(e);
      else if (near(e[xAt] as number, e[xAt + 1] as number, cx, cy, radius)) list.push(e);
      else continue;
      next.add(id);
    }
    return { list, seen: next };
  }

  /** The part of `full` this client receives (its own player always; the round always). */
  filter(full: WireState): WireState {
    let me: WirePlayer | undefined;
    for (const p of full.players) {
      if (p[0] === this.selfId) {
        me = p;
        break;
      }
    }
    // Built like buildWireState's states (same properties, same order), so the encoder sees one shape.
    if (!me) return stateOf(full, [], []);
    const [, cx, cy] = me;
    const p = this.keep<WirePlayer>(full.players, this.players, 1, cx, cy);
    const s = this.keep(full.projectiles, this.shots, 2, cx, cy);
    this.players = p.seen;
    this.shots = s.seen;
    return stateOf(full, p.list, s.list);
  }
}

/**
 * The view of a spectator in an interest room: every entity (it follows anyone), with its own ring of
 * the states it was sent, as an interest room keeps no shared ring. Sending it the room's full state
 * itself is safe: an interest room's states are never written over.
 */
export class WatchAllView extends InterestView {
  override filter(full: WireState): WireState {
    return full;
  }
}

function stateOf(full: WireState, players: WirePlayer[], projectiles: WireProjectile[]): WireState {
  return { tick: full.tick, serverTime: full.serverTime, players, projectiles, round: full.round };
}
