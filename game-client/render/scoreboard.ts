/** The scoreboard panel: standings with the own row highlighted, and the winner after a round. */
import type Phaser from 'phaser';
import type { RosterRow } from '../net/session.js';
import { UI } from './palette.js';

const ROW_H = 26;
const WIDTH = 420;
const FONT = 'system-ui, "Segoe UI", sans-serif';

/** A centred panel rebuilt only when its content changes. */
export class Scoreboard {
  private readonly root: Phaser.GameObjects.Container;
  private key = '';

  constructor(private readonly scene: Phaser.Scene) {
    this.root = scene.add.container(0, 0).setDepth(50).setVisible(false);
  }

  /** Shows the panel with `title` and `rows` (best first); hides it when `rows` is null. */
  show(title: string, rows: readonly RosterRow[] | null, ownId: number | null): void {
    if (!rows) {
      this.root.setVisible(false);
      return;
    }
    const { width, height } = this.scene.scale;
    const panelH = 70 + Math.max(1, rows.length) * ROW_H;
    this.root.setPosition(Math.round((width - WIDTH) / 2), Math.round(Math.max(20, (height - panelH) / 2)));
    this.root.setVisible(true);
    const key = JSON.stringify([title, rows, ownId, width, height]);
    if (key === this.key) return;
    this.key = key;
    this.root.removeAll(true);
    const g = this.scene.add.graphics();
    g.fillStyle(UI.panel, 0.86).fillRoundedRect(0, 0, WIDTH, panelH, 12);
    g.lineStyle(1, 0x2c374b, 1).strokeRoundedRect(0, 0, WIDTH, panelH, 12);
    this.root.add(g);
    const text = (x: number, y: number, s: string, color: string, bold = false, originX = 0) =>
      this.scene.add
        .text(x, y, s, { fontFamily: FONT, fontSize: '15px', color, fontStyle: bold ? 'bold' : 'normal' })
        .setOrigin(originX, 0);
    this.root.add(text(WIDTH / 2, 14, title, '#f0e442', true, 0.5));
    this.root.add(text(20, 44, 'PLAYER', UI.textDim));
    this.root.add(text(WIDTH - 110, 44, 'KILLS', UI.textDim, false, 0.5));
    this.root.add(text(WIDTH - 45, 44, 'DEATHS', UI.textDim, false, 0.5));
    rows.forEach((r, i) => {
      const y = 66 + i * ROW_H;
      const mine = r.id === ownId;
      if (mine) g.fillStyle(0xf0e442, 0.14).fillRoundedRect(8, y - 3, WIDTH - 16, ROW_H - 2, 6);
      const color = mine ? '#f0e442' : UI.text;
      this.root.add(text(20, y, `${i + 1}. ${r.name}${mine ? ' (you)' : ''}`, color, mine));
      this.root.add(text(WIDTH - 110, y, String(r.kills), color, mine, 0.5));
      this.root.add(text(WIDTH - 45, y, String(r.deaths), color, mine, 0.5));
    });
    if (rows.length === 0) this.root.add(text(20, 66, 'No players yet', UI.textDim));
  }
}
