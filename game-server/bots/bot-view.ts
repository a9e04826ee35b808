/** What a bot may know of the world: exactly what a player's screen shows, nothing more. */
import { type Arena, angleFromWire, RoundPhase } from '../../protocol/index.js';
import type { World } from '../sim/index.js';

/** Half the width of the area a bot sees around itself (a 1280 px wide screen). */
export const BOT_VIEW_HALF_WIDTH_PX = 640;
/** Half the height of the area a bot sees around itself (a 720 px high screen). */
export const BOT_VIEW_HALF_HEIGHT_PX = 360;

/** Another living player on the bot's screen. */
export interface SeenPlayer {
  readonly id: number;
  readonly x: number;
  readonly y: number;
}

/** The bot itself, as its own HUD shows it. */
export interface BotSelf {
  readonly id: number;
  readonly x: number;
  readonly y: number;
  readonly hp: number;
  readonly alive: boolean;
  /** Current aim in radians. */
  readonly aimRad: number;
}

/** One tick's view of a bot: itself, the enemies on its screen, the static arena and the round state. */
export interface BotView {
  readonly tickHz: number;
  /** True only in the Playing phase (otherwise the bot idles). */
  readonly playing: boolean;
  readonly self: BotSelf;
  /** Living enemies inside the screen rectangle, in join order. */
  readonly enemies: readonly SeenPlayer[];
  readonly arena: Arena;
}

/** True when (x, y) is on the screen of a player standing at (cx, cy). */
export function onScreen(cx: number, cy: number, x: number, y: number): boolean {
  return Math.abs(x - cx) <= BOT_VIEW_HALF_WIDTH_PX && Math.abs(y - cy) <= BOT_VIEW_HALF_HEIGHT_PX;
}

/**
 * The view of bot `botId` in `world`, or undefined if it is not in it. With `teamOf`, players on the
 * bot's own team are not enemies (team deathmatch); without it everyone else is.
 */
export function botViewOf(
  world: World,
  botId: number,
  teamOf?: (playerId: number) => number | undefined,
): BotView | undefined {
  const me = world.players.get(botId);
  if (!me) return undefined;
  const myTeam = teamOf?.(botId);
  const enemies: SeenPlayer[] = [];
  for (const p of world.players.values()) {
    if (p.id === botId || !p.alive || !onScreen(me.x, me.y, p.x, p.y)) continue;
    if (myTeam !== undefined && teamOf?.(p.id) === myTeam) continue;
    enemies.push({ id: p.id, x: p.x, y: p.y });
  }
  return {
    tickHz: world.timing.tickHz,
    playing: world.round.phase === RoundPhase.Playing,
    self: { id: me.id, x: me.x, y: me.y, hp: me.hp, alive: me.alive, aimRad: angleFromWire(me.aim) },
    enemies,
    arena: world.arena,
  };
}
