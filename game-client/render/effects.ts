/** Short-lived visual effects: muzzle flashes, hit sparks and death bursts. */
import type Phaser from 'phaser';
import { Tex } from './textures.js';

/** A muzzle flash at (x, y) facing `angle`. */
export function muzzleFlash(scene: Phaser.Scene, x: number, y: number, angle: number, tint: number): void {
  const img = scene.add
    .image(x, y, Tex.flash)
    .setRotation(angle)
    .setTint(tint)
    .setBlendMode('ADD')
    .setDepth(25)
    .setScale(0.7);
  scene.tweens.add({ targets: img, alpha: 0, scale: 1.1, duration: 90, onComplete: () => img.destroy() });
}

/** A burst of `count` sparks flying out from (x, y). */
export function sparkBurst(
  scene: Phaser.Scene,
  x: number,
  y: number,
  tint: number,
  count: number,
  distance: number,
): void {
  for (let i = 0; i < count; i++) {
    const a = (i / count) * Math.PI * 2 + Math.random() * 0.6;
    const d = distance * (0.5 + Math.random() * 0.5);
    const s = scene.add.image(x, y, Tex.spark).setTint(tint).setBlendMode('ADD').setDepth(25);
    scene.tweens.add({
      targets: s,
      x: x + Math.cos(a) * d,
      y: y + Math.sin(a) * d,
      alpha: 0,
      scale: 0.3,
      duration: 260 + Math.random() * 200,
      ease: 'Cubic.easeOut',
      onComplete: () => s.destroy(),
    });
  }
}

/** An expanding ring at (x, y): the shock wave of a death or a pickup. */
export function shockRing(scene: Phaser.Scene, x: number, y: number, tint: number, toScale = 2.4): void {
  const ring = scene.add.image(x, y, Tex.ring).setTint(tint).setBlendMode('ADD').setDepth(24).setScale(0.4);
  scene.tweens.add({
    targets: ring,
    scale: toScale,
    alpha: 0,
    duration: 420,
    ease: 'Quad.easeOut',
    onComplete: () => ring.destroy(),
  });
}

/** A damage number rising from (x, y). */
export function damageNumber(scene: Phaser.Scene, x: number, y: number, damage: number, color: string): void {
  const t = scene.add
    .text(x, y - 24, `-${damage}`, {
      fontFamily: 'system-ui, sans-serif',
      fontSize: '15px',
      fontStyle: 'bold',
      color,
      stroke: '#0b0f17',
      strokeThickness: 4,
    })
    .setOrigin(0.5)
    .setDepth(26);
  scene.tweens.add({
    targets: t,
    y: y - 58,
    alpha: 0,
    duration: 700,
    ease: 'Cubic.easeOut',
    onComplete: () => t.destroy(),
  });
}
