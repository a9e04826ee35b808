/** Generates every texture in code, one per frame, behind a progress bar, then starts the game. */
import Phaser from 'phaser';
import { paintTexture, TEXTURES } from './textures.js';

/** Scene keys. */
export const SceneKey = { preload: 'preload', game: 'game', hud: 'hud' } as const;

/** Builds the textures; finishes by starting the game and HUD scenes with the data it was given. */
export class PreloadScene extends Phaser.Scene {
  private bar!: Phaser.GameObjects.Graphics;
  private next = 0;
  private startData: object = {};

  constructor() {
    super(SceneKey.preload);
  }

  init(data: object): void {
    this.startData = data;
    this.next = 0;
  }

  create(): void {
    this.bar = this.add.graphics();
    this.add
      .text(this.scale.width / 2, this.scale.height / 2 - 28, 'Forging the arena…', {
        fontFamily: 'system-ui, sans-serif',
        fontSize: '16px',
        color: '#9aa6bb',
      })
      .setOrigin(0.5);
  }

  override update(): void {
    const recipe = TEXTURES[this.next];
    if (recipe) {
      if (!this.textures.exists(recipe.key)) this.textures.addCanvas(recipe.key, paintTexture(recipe));
      this.next += 1;
      this.drawBar(this.next / TEXTURES.length);
      return;
    }
    this.scene.start(SceneKey.game, this.startData);
    this.scene.launch(SceneKey.hud, this.startData);
  }

  private drawBar(progress: number): void {
    const w = Math.min(320, this.scale.width * 0.6);
    const x = (this.scale.width - w) / 2;
    const y = this.scale.height / 2;
    this.bar.clear();
    this.bar.fillStyle(0x1f2839, 1).fillRoundedRect(x, y, w, 10, 5);
    this.bar.fillStyle(0x56b4e9, 1).fillRoundedRect(x, y, Math.max(10, w * progress), 10, 5);
  }
}
