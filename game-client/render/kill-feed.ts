/** A small feed of recent kills, joins and leaves in the top-right corner; lines fade after a few seconds. */
import type Phaser from 'phaser';

const LINE_MS = 6000;
const MAX_LINES = 5;

interface FeedLine {
  readonly text: Phaser.GameObjects.Text;
  readonly at: number;
}

/** Stacks lines under the top-right corner. */
export class KillFeed {
  private lines: FeedLine[] = [];

  constructor(private readonly scene: Phaser.Scene) {}

  /** Adds a line in `color` (CSS). */
  push(message: string, color: string, now: number): void {
    const text = this.scene.add
      .text(0, 0, message, {
        fontFamily: 'system-ui, "Segoe UI", sans-serif',
        fontSize: '14px',
        color,
        backgroundColor: 'rgba(11, 15, 23, 0.7)',
        padding: { x: 8, y: 4 },
      })
      .setOrigin(1, 0)
      .setDepth(40);
    this.lines.push({ text, at: now });
    while (this.lines.length > MAX_LINES) this.lines.shift()?.text.destroy();
  }

  /** Positions and fades the lines; `top` is where the first line goes. */
  update(now: number, top: number): void {
    this.lines = this.lines.filter((l) => {
      if (now - l.at < LINE_MS) return true;
      l.text.destroy();
      return false;
    });
    const right = this.scene.scale.width - 16;
    this.lines.forEach((l, i) => {
      l.text.setPosition(right, top + i * 30);
      l.text.setAlpha(Math.min(1, (LINE_MS - (now - l.at)) / 600));
    });
  }
}
