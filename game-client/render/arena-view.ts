/** Draws the static arena: floor, outer border and walls with their shadows. */
import type Phaser from 'phaser';
import type { Arena } from '../../protocol/index.js';
import { UI } from './palette.js';
import { Tex } from './textures.js';

const BORDER_PX = 24;

/** Adds `arena`'s display objects to `scene` (they never change). */
export function drawArena(scene: Phaser.Scene, arena: Arena): void {
  const { width, height, walls } = arena;
  scene.add.tileSprite(0, 0, width, height, Tex.floor).setOrigin(0).setDepth(0);

  const shade = scene.add.graphics().setDepth(4);
  shade.fillStyle(0x000000, 0.28);
  for (const w of walls) shade.fillRect(w.x + 7, w.y + 9, w.w, w.h);

  for (const w of walls) {
    scene.add.tileSprite(w.x, w.y, w.w, w.h, Tex.wall).setOrigin(0).setDepth(5);
  }
  const edges = scene.add.graphics().setDepth(6);
  edges.lineStyle(2, UI.wallEdge, 1);
  for (const w of walls) edges.strokeRect(w.x + 1, w.y + 1, w.w - 2, w.h - 2);

  const border = scene.add.graphics().setDepth(6);
  border.fillStyle(UI.wall, 1);
  border.fillRect(-BORDER_PX, -BORDER_PX, width + 2 * BORDER_PX, BORDER_PX);
  border.fillRect(-BORDER_PX, height, width + 2 * BORDER_PX, BORDER_PX);
  border.fillRect(-BORDER_PX, 0, BORDER_PX, height);
  border.fillRect(width, 0, BORDER_PX, height);
  border.lineStyle(2, UI.wallEdge, 1).strokeRect(-1, -1, width + 2, height + 2);
}

/** How far the camera may look past the arena edge, in px. */
export const ARENA_MARGIN_PX = BORDER_PX + 40;

/** The camera bounds for `arena`: the arena plus ARENA_MARGIN_PX on every side. */
export function cameraBounds(arena: Arena): { x: number; y: number; width: number; height: number } {
  const m = ARENA_MARGIN_PX;
  return { x: -m, y: -m, width: arena.width + 2 * m, height: arena.height + 2 * m };
}
