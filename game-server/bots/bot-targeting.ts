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

/**
 * The enemy to fight: the current target while it stays shootable (no flicking between targets),
 * else the nearest shootable enemy, else the nearest visible one; undefined when none is visible.
 */
export function chooseTarget(view: BotView, currentId: number): SeenPlayer | undefined {
  const shootable = view.enemies.filter((e) => canShoot(view, e));
  const current = view.enemies.find((e) => e.id === currentId);
  if (current && (shootable.includes(current) || shootable.length === 0)) return current;
  return nearest(view, shootable) ?? nearest(view, view.enemies);
}
