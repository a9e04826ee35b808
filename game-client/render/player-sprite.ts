/** One player on screen: body, shadow, name, small health bar, and its hit, death and protection effects. */
import Phaser from 'phaser';
import { PLAYER_MAX_HP, PLAYER_RADIUS_PX } from '../../protocol/index.js';
import type { PlayerView } from '../net/snapshot.js';
import { OWN_ACCENT, UI } from './palette.js';
import { Tex } from './textures.js';

const HIT_FLASH_MS = 90;
const FADE_PER_MS = 1 / 350;

/** The display objects of one player, updated every frame from a PlayerView. */
export class PlayerSprite {
  private readonly root: Phaser.GameObjects.Container;
  private readonly body: Phaser.GameObjects.Image;
  private readonly shield: Phaser.GameObjects.Image;
  private readonly halo: Phaser.GameObjects.Image | null;
  private readonly label: Phaser.GameObjects.Text;
  private readonly hpBar: Phaser.GameObjects.Graphics;
  private flashUntil = 0;
  private fade = 1;
  private wasAlive = true;
  private lastHp = -1;

  constructor(
    scene: Phaser.Scene,
    private color: number,
    name: string,
    private readonly own: boolean,
  ) {
    const shadow = scene.add.image(3, 5, Tex.shadow);
    this.shield = scene.add.image(0, 0, Tex.shield).setVisible(false);
    this.halo = own ? scene.add.image(0, 0, Tex.halo).setTint(OWN_ACCENT) : null;
    this.body = scene.add.image(0, 0, Tex.player).setTint(color);
    this.label = scene.add
      .text(0, -PLAYER_RADIUS_PX - 22, name, {
        fontFamily: 'system-ui, "Segoe UI", sans-serif',
        fontSize: '13px',
        fontStyle: own ? 'bold' : 'normal',
        color: own ? '#f0e442' : UI.text,
        stroke: '#0b0f17',
        strokeThickness: 4,
      })
      .setOrigin(0.5, 1);
    this.hpBar = scene.add.graphics();
    const parts = [shadow, this.shield, ...(this.halo ? [this.halo] : []), this.body, this.label, this.hpBar];
    this.root = scene.add.container(0, 0, parts).setDepth(own ? 12 : 10);
  }

  /** Updates position, facing, effects and name for this frame. */
  update(view: PlayerView, angle: number, name: string, now: number, dtMs: number): void {
    this.root.setPosition(view.x, view.y);
    this.body.setRotation(angle);
    if (this.label.text !== name) this.label.setText(name);
    if (view.alive && !this.wasAlive) this.fade = 0.2;
    this.wasAlive = view.alive;
    this.fade = view.alive
      ? Math.min(1, this.fade + dtMs * FADE_PER_MS * 2)
      : Math.max(0, this.fade - dtMs * FADE_PER_MS);
    this.root.setAlpha(this.fade);
    this.root.setScale(view.alive ? 1 : 0.7 + 0.3 * this.fade);
    this.root.setVisible(this.fade > 0.01);

    const shimmer = view.alive && view.protected;
    this.shield.setVisible(shimmer);
    if (shimmer) {
      this.shield.setRotation(now / 300).setAlpha(0.6 + 0.4 * Math.sin(now / 80));
      this.body.setAlpha(0.65 + 0.35 * Math.sin(now / 60));
    } else this.body.setAlpha(1);
    this.halo?.setRotation(now / 1200);

    if (now < this.flashUntil) this.body.setTint(0xffffff).setTintMode(Phaser.TintModes.FILL);
    else this.body.setTint(this.color).setTintMode(Phaser.TintModes.MULTIPLY);

    if (view.hp !== this.lastHp) this.drawHp(view.hp);
  }

  /** Changes the body colour and the own halo (team changes in team deathmatch). */
  setColors(body: number, accent: number): void {
    this.color = body;
    this.halo?.setTint(accent);
  }

  /** Flashes white briefly (on being hit). */
  flash(now: number): void {
    this.flashUntil = now + HIT_FLASH_MS;
  }

  /** Removes every display object. */
  destroy(): void {
    this.root.destroy();
  }

  private drawHp(hp: number): void {
    this.lastHp = hp;
    const g = this.hpBar.clear();
    if (this.own || hp >= PLAYER_MAX_HP || hp <= 0) return;
    const w = 34;
    const y = -PLAYER_RADIUS_PX - 12;
    const frac = Math.max(0, Math.min(1, hp / PLAYER_MAX_HP));
    g.fillStyle(0x0b0f17, 0.8).fillRect(-w / 2 - 1, y - 1, w + 2, 6);
    g.fillStyle(frac > 0.5 ? UI.hpHigh : frac > 0.25 ? UI.hpMid : UI.hpLow, 1).fillRect(
      -w / 2,
      y,
      w * frac,
      4,
    );
  }
}
