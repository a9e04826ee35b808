/** The corner minimap: walls, pickups, the own player, teammates and the enemies on screen. */
import type Phaser from 'phaser';
import { type Arena, type PickupEntry, Team, type TeamCode } from '../../protocol/index.js';
import type { SessionFrame } from '../net/session.js';
import { OWN_ACCENT, TEAM_COLORS, UI } from './palette.js';
import { pickupColor } from './pickups-view.js';

/** A world rectangle (the game camera's view). */
export interface ViewRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** A minimap drawn with two graphics: static walls (redrawn on resize) and markers (every frame). */
export class Minimap {
  private readonly base: Phaser.GameObjects.Graphics;
  private readonly marks: Phaser.GameObjects.Graphics;
  private key = '';
  private scale = 1;

  constructor(scene: Phaser.Scene) {
    this.base = scene.add.graphics().setDepth(28);
    this.marks = scene.add.graphics().setDepth(29);
  }

  /** Draws at (x, y) with `widthPx`; returns the height used. */
  draw(
    x: number,
    y: number,
    widthPx: number,
    arena: Arena,
    frame: SessionFrame | null,
    pickups: readonly PickupEntry[],
    teamOf: (id: number) => TeamCode,
    viewerId: number | null,
    view: ViewRect | null,
  ): number {
    this.scale = widthPx / arena.width;
    const h = Math.round(arena.height * this.scale);
    const key = `${x}:${y}:${widthPx}:${arena.width}:${arena.height}:${arena.walls.length}`;
    if (key !== this.key) {
      this.key = key;
      const g = this.base.clear();
      g.fillStyle(UI.panel, 0.72).fillRoundedRect(x - 4, y - 4, widthPx + 8, h + 8, 6);
      g.lineStyle(1, UI.wallEdge, 0.8).strokeRect(x, y, widthPx, h);
      g.fillStyle(UI.wallEdge, 0.9);
      for (const w of arena.walls) {
        g.fillRect(
          x + w.x * this.scale,
          y + w.y * this.scale,
          Math.max(1, w.w * this.scale),
          Math.max(1, w.h * this.scale),
        );
      }
    }
    const m = this.marks.clear();
    const at = (px: number, py: number) => ({ x: x + px * this.scale, y: y + py * this.scale });
    for (const [, kind, px, py, available] of pickups) {
      if (available !== 1) continue;
      const p = at(px, py);
      m.fillStyle(pickupColor(kind), 1).fillRect(p.x - 2, p.y - 2, 4, 4);
    }
    if (!frame) return h;
    const me = frame.me ?? frame.others.find((o) => o.id === viewerId) ?? null;
    const myTeam = frame.me ? teamOf(frame.me.id) : Team.None;
    for (const o of frame.others) {
      if (!o.alive || o === me) continue;
      const team = teamOf(o.id);
      const mate = myTeam !== Team.None && team === myTeam;
      const onScreen =
        !view ||
        (o.x >= view.x && o.x <= view.x + view.width && o.y >= view.y && o.y <= view.y + view.height);
      if (!mate && !onScreen && frame.me) continue;
      const p = at(o.x, o.y);
      const color = team === Team.None ? 0xe69f00 : TEAM_COLORS[team];
      m.fillStyle(color, 1).fillCircle(p.x, p.y, mate ? 2.5 : 3);
    }
    if (view) {
      const v = at(view.x, view.y);
      m.lineStyle(1, 0xffffff, 0.25).strokeRect(v.x, v.y, view.width * this.scale, view.height * this.scale);
    }
    if (me) {
      const p = at(me.x, me.y);
      m.fillStyle(frame.me ? 0xffffff : OWN_ACCENT, 1).fillCircle(p.x, p.y, 3.5);
      m.lineStyle(1.5, OWN_ACCENT, 1).strokeCircle(p.x, p.y, 5.5);
    }
    return h;
  }

  /** Hides or shows the minimap. */
  setVisible(on: boolean): void {
    this.base.setVisible(on);
    this.marks.setVisible(on);
  }
}
