/** Choosing whom to fight, and whether a shot at them could hit (no wall in between). */
import { PROJECTILE_RADIUS_PX } from '../../protocol/index.js';
import type { BotView, SeenPlayer } from './bot-view.js';
import { clearLine } from './line-of-sight.js';

/** True when a projectile from the bot could reach `enemy` without touching a wall. */
export function canShoot(view: BotView, enemy: SeenPlayer): boolean {
  return clearLine(view.arena, view.self.x, view.self.y, enemy.x, enemy.y, PROJECTILE_RADIUS_PX);
}

function nearest(view: BotView, players: readonly SeenPlayer[]): SeenPlayer | undefined {
  let best: SeenPlayer | undefined;
  let bestD = Number.POSITIVE_INFINITY;
  for (const p of players) {
    const d = (p.x - view.self.x) ** 2 + (p.y - view.self.y) ** 2;
    if (d < bestD) [best, bestD] = [p, d];
  }
  return best;
}

/** The enemy chosen to fight, and whether a shot at it could hit (canShoot). */
export interface TargetChoice {
  readonly target: SeenPlayer;
  readonly shootable: boolean;
}

/**
 * The enemy to fight: the current target while it stays shootable (no flicking between targets),
 * else the nearest shootable enemy, else the nearest visible one; undefined when none is visible.
 */
export function chooseTarget(view: BotView, currentId: number): TargetChoice | undefined {
  const shootable = view.enemies.filter((e) => canShoot(view, e));
  const current = view.enemies.find((e) => e.id === currentId);
  if (current) {
    const ok = shootable.includes(current);
    if (ok || shootable.length === 0) return { target: current, shootable: ok };
  }
  const best = nearest(view, shootable);
  if (best) return { target: best, shootable: true };
  const seen = nearest(view, view.enemies);
  return seen && { target: seen, shootable: false };
}
