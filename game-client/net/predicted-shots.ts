/** Predicted own shots: drawn the moment fire is pressed, with the server's cadence, muzzle and walls. */
import {
  type Arena,
  FIRE_COOLDOWN_MS,
  Key,
  PLAYER_RADIUS_PX,
  type Point,
  PROJECTILE_RADIUS_PX,
  PROJECTILE_TTL_MS,
  segmentHitsWall,
  shotFrom,
} from '../../protocol/index.js';

/** A predicted projectile as drawn: negative ids keep it apart from the server's. */
export interface ShotView {
  readonly id: number;
  readonly x: number;
  readonly y: number;
  readonly vx: number;
  readonly vy: number;
}

interface Shot {
  readonly id: number;
  readonly x0: number;
  readonly y0: number;
  readonly vx: number;
  readonly vy: number;
  readonly bornAt: number;
  /** When it reaches the first wall on its path, or its lifetime ends, in client ms. */
  readonly endAt: number;
}

/** The fraction of a move from `p` by `d` at which it leaves 0..`size` (the server drops shots there), or 1. */
function exitFraction(p: number, d: number, size: number): number {
  if (d > 0) return Math.max(0, (size - p) / d);
  if (d < 0) return Math.max(0, -p / d);
  return 1;
}

/**
 * Fires locally on every input with Fire held once the cooldown (in ticks, as the server counts it)
 * has passed, from the predicted position. A shot flies straight until its first wall, the arena's
 * edge, its lifetime, or a remote player as drawn (the server's lag compensation resolves hits against that same view).
 * Purely visual: hits, damage and kills only come from the server.
 */
export class PredictedShots {
  private readonly cooldownTicks: number;
  private ticksSinceShot = Number.POSITIVE_INFINITY;
  private shots: Shot[] = [];
  private nextId = 1;
  /** Shots fired locally so far. */
  fired = 0;

  constructor(
    tickHz: number,
    private readonly arena: Arena,
  ) {
    this.cooldownTicks = Math.max(1, Math.ceil((FIRE_COOLDOWN_MS * tickHz) / 1000));
  }

  /** Called per input after prediction moved the player to `pos`; `canFire` is false while dead or between rounds. */
  onInput(keys: number, aimWire: number, pos: Readonly<Point> | null, canFire: boolean, now: number): void {
    this.ticksSinceShot += 1;
    if (!pos || !canFire || (keys & Key.Fire) === 0 || this.ticksSinceShot < this.cooldownTicks) return;
    this.ticksSinceShot = 0;
    const { x: x0, y: y0, vx, vy } = shotFrom(pos.x, pos.y, aimWire);
    const ttlS = PROJECTILE_TTL_MS / 1000;
    let tEnd = Math.min(
      1,
      exitFraction(x0, vx * ttlS, this.arena.width),
      exitFraction(y0, vy * ttlS, this.arena.height),
    );
    for (const w of this.arena.walls) {
      const t = segmentHitsWall(x0, y0, x0 + vx * ttlS, y0 + vy * ttlS, w, PROJECTILE_RADIUS_PX);
      if (t >= 0 && t < tEnd) tEnd = t;
    }
    this.shots.push({ id: -this.nextId, x0, y0, vx, vy, bornAt: now, endAt: now + tEnd * PROJECTILE_TTL_MS });
    this.nextId = (this.nextId % 0xffff) + 1;
    this.fired += 1;
  }

  /** The shots in flight at `now`; a shot that reaches one of `targets` (drawn players) ends there. */
  visible(now: number, targets: readonly Readonly<Point>[]): ShotView[] {
    const reach = PLAYER_RADIUS_PX + PROJECTILE_RADIUS_PX;
    const out: ShotView[] = [];
    this.shots = this.shots.filter((s) => {
      if (now >= s.endAt) return false;
      const age = Math.max(0, now - s.bornAt) / 1000;
      const x = s.x0 + s.vx * age;
      const y = s.y0 + s.vy * age;
      if (targets.some((t) => Math.hypot(t.x - x, t.y - y) <= reach)) return false;
      out.push({ id: s.id, x, y, vx: s.vx, vy: s.vy });
      return true;
    });
    return out;
  }

  /** Forgets every shot and the cooldown (new round, respawn, leaving). */
  reset(): void {
    this.shots = [];
    this.ticksSinceShot = Number.POSITIVE_INFINITY;
  }
}
