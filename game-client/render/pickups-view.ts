/** Pickup points in the world: a health cross or a power-up star, bright and bobbing when available, faint when taken. */
import type Phaser from 'phaser';
import { type PickupEntry, PickupKind } from '../../protocol/index.js';
import { PICKUP_COLORS } from './palette.js';
import { Tex } from './textures.js';

/** The pickup colour of a kind. */
export function pickupColor(kind: number): number {
  return kind === PickupKind.PowerUp ? PICKUP_COLORS.powerUp : PICKUP_COLORS.health;
}

/** One image (and a soft glow under it) per pickup point, redrawn from the latest Pickups list. */
export class PickupsView {
  private readonly items = new Map<
    number,
    { icon: Phaser.GameObjects.Image; glow: Phaser.GameObjects.Image }
  >();
  private list: readonly PickupEntry[] = [];

  constructor(private readonly scene: Phaser.Scene) {}

  /** Replaces the pickup list (from the session). */
  set(list: readonly PickupEntry[]): void {
    this.list = list;
    const ids = new Set(list.map((p) => p[0]));
    for (const [id, item] of this.items) {
      if (ids.has(id)) continue;
      item.icon.destroy();
      item.glow.destroy();
      this.items.delete(id);
    }
    for (const [id, kind, x, y] of list) {
      if (this.items.has(id)) continue;
      const tint = pickupColor(kind);
      const glow = this.scene.add.image(x, y, Tex.glow).setTint(tint).setBlendMode('ADD').setDepth(7);
      const icon = this.scene.add.image(x, y, kind === PickupKind.PowerUp ? Tex.star : Tex.health);
      this.items.set(id, { icon: icon.setTint(tint).setDepth(8), glow });
    }
  }

  /** Animates: available pickups bob and pulse, taken ones wait faint and small. */
  update(now: number): void {
    for (const [id, , x, y, available] of this.list) {
      const item = this.items.get(id);
      if (!item) continue;
      const on = available === 1;
      const bob = on ? Math.sin(now / 260 + id) * 3 : 0;
      item.icon
        .setPosition(x, y + bob)
        .setAlpha(on ? 1 : 0.22)
        .setScale(on ? 1 : 0.7);
      item.icon.setRotation(on ? Math.sin(now / 700 + id) * 0.15 : 0);
      item.glow.setVisible(on).setAlpha(0.35 + 0.2 * Math.sin(now / 200 + id));
    }
  }

  /** Removes every image. */
  destroy(): void {
    for (const item of this.items.values()) {
      item.icon.destroy();
      item.glow.destroy();
    }
    this.items.clear();
    this.list = [];
  }
}
