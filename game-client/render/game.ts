/** Rendering with Phaser 4: creates the game once and starts or stops a match's scenes on demand. */
import Phaser from 'phaser';
import { GameScene } from './game-scene.js';
import { HudScene } from './hud-scene.js';
import type { MatchContext } from './match-context.js';
import { UI } from './palette.js';
import { PreloadScene, SceneKey } from './preload-scene.js';
import { isSoftwareWebGL } from './software-gl.js';

/** Starts and stops matches in one Phaser game attached to a DOM parent. */
export class GameView {
  private readonly game: Phaser.Game;
  private ready: Promise<void>;

  constructor(parent: HTMLElement) {
    this.game = new Phaser.Game({
      type: Phaser.AUTO,
      parent,
      backgroundColor: UI.background,
      scale: {
        mode: Phaser.Scale.RESIZE,
        width: parent.clientWidth || 960,
        height: parent.clientHeight || 600,
      },
      audio: { noAudio: true },
      // Multisampling on a CPU rasteriser held each frame (and every network message behind it) ~3x longer.
      render: { antialiasGL: !isSoftwareWebGL() },
      input: { keyboard: false, gamepad: false },
      disableContextMenu: true,
      banner: false,
      autoFocus: false,
    });
    // Added without auto-start: scenes only run when a match starts them with its context.
    this.game.scene.add(SceneKey.preload, PreloadScene, false);
    this.game.scene.add(SceneKey.game, GameScene, false);
    this.game.scene.add(SceneKey.hud, HudScene, false);
    this.ready = new Promise((resolve) => this.game.events.once(Phaser.Core.Events.READY, () => resolve()));
  }

  /** Starts a match's scenes (textures are generated first, on every start, when missing). */
  async start(ctx: MatchContext): Promise<void> {
    await this.ready;
    this.stopScenes();
    this.game.scene.start(SceneKey.preload, ctx);
  }

  /** Stops the match's scenes. */
  stop(): void {
    this.stopScenes();
  }

  private stopScenes(): void {
    for (const key of [SceneKey.hud, SceneKey.game, SceneKey.preload]) {
      if (this.game.scene.isActive(key) || this.game.scene.isPaused(key)) this.game.scene.stop(key);
    }
  }
}
