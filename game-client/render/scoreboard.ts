/** The scoreboard panel: standings with the own row and the MVP highlighted, bots and away players marked, pings, team totals. */
import type Phaser from 'phaser';
import type { RosterRow } from '../net/session.js';
import { colorFor, cssColor, OWN_ACCENT, TEAM_COLORS, TEAM_NAMES, UI } from './palette.js';
import { groupByTeam, mvpOf, pingLabel, sortRows, teamTotals } from './standings.js';

const FONT = 'system-ui, "Segoe UI", sans-serif';
const MVP = '#f0e442';

/** Slow links in the PING column: orange from 150 ms, vermillion from 250 ms (Okabe-Ito). */
function pingColor(ms: number, normal: string): string {
  if (ms >= 250) return '#d55e00';
  if (ms >= 150) return '#e69f00';
  return normal;
}

/**
 * A centred panel rebuilt only when its content or the screen size changes. Callers pass the same `rows` array
 * while the content is unchanged (Session.roster does), so the common frame skips sorting entirely.
 */
export class Scoreboard {
  private readonly root: Phaser.GameObjects.Container;
  private key = '';
  /** The inputs of the last build, compared by identity before the costlier content key. */
  private lastRows: readonly RosterRow[] | null = null;
  private lastInputs = '';

  constructor(private readonly scene: Phaser.Scene) {
    this.root = scene.add.container(0, 0).setDepth(50).setVisible(false);
  }

  /** True while the panel is shown. */
  get visible(): boolean {
    return this.root.visible;
  }

  /** Shows the panel with `title` and `rows` (any order); hides it when `rows` is null. */
  show(title: string, rows: readonly RosterRow[] | null, ownId: number | null): void {
    if (!rows) {
      this.root.setVisible(false);
      return;
    }
    const { width, height } = this.scene.scale;
    const inputs = `${title}\n${ownId}\n${width}x${height}`;
    if (rows === this.lastRows && inputs === this.lastInputs) {
      this.root.setVisible(true);
      return;
    }
    this.lastRows = rows;
    this.lastInputs = inputs;
    const compact = height < 520;
    const rowH = compact ? 19 : 26;
    const size = compact ? 12 : 15;
    const panelW = Math.min(460, width - 24);
    const totals = teamTotals(rows);
    const ordered = totals.length > 0 ? groupByTeam(rows) : sortRows(rows);
    const mvp = mvpOf(rows);
    const head = (compact ? 34 : 44) + (totals.length > 0 ? rowH + 4 : 0);
    const panelH = head + 24 + Math.max(1, ordered.length) * rowH + 8;
    this.root.setPosition(Math.round((width - panelW) / 2), Math.round(Math.max(8, (height - panelH) / 2)));
    this.root.setVisible(true);
    const key = JSON.stringify([title, ordered, ownId, width, height]);
    if (key === this.key) return;
    this.key = key;
    this.root.removeAll(true);
    const g = this.scene.add.graphics();
    g.fillStyle(UI.panel, 0.88).fillRoundedRect(0, 0, panelW, panelH, 12);
    g.lineStyle(1, 0x2c374b, 1).strokeRoundedRect(0, 0, panelW, panelH, 12);
    this.root.add(g);
    const text = (x: number, y: number, s: string, color: string, bold = false, originX = 0) =>
      this.scene.add
        .text(x, y, s, {
          fontFamily: FONT,
          fontSize: `${size}px`,
          color,
          fontStyle: bold ? 'bold' : 'normal',
        })
        .setOrigin(originX, 0);
    const killsX = panelW - (compact ? 128 : 160);
    const deathsX = panelW - (compact ? 80 : 100);
    const pingX = panelW - (compact ? 30 : 38);
    this.root.add(text(panelW / 2, compact ? 8 : 14, title, MVP, true, 0.5));
    if (totals.length > 0) {
      const y = compact ? 30 : 42;
      const [red, blue] = totals;
      const line = (t: typeof red, x: number, originX: number) =>
        t &&
        this.root.add(
          text(x, y, `${TEAM_NAMES[t.team]} ${t.kills}`, cssColor(TEAM_COLORS[t.team]), true, originX),
        );
      line(red, panelW / 2 - 14, 1);
      this.root.add(text(panelW / 2, y, '–', UI.textDim, true, 0.5));
      line(blue, panelW / 2 + 14, 0);
    }
    this.root.add(text(20, head, 'PLAYER', UI.textDim));
    this.root.add(text(killsX, head, 'KILLS', UI.textDim, false, 0.5));
    this.root.add(text(deathsX, head, 'DEATHS', UI.textDim, false, 0.5));
    this.root.add(text(pingX, head, 'PING', UI.textDim, false, 0.5));
    ordered.forEach((r, i) => {
      const y = head + 22 + i * rowH;
      const mine = r.id === ownId;
      const star = r.id === mvp;
      if (mine) g.fillStyle(OWN_ACCENT, 0.14).fillRoundedRect(8, y - 3, panelW - 16, rowH - 2, 6);
      if (star) g.lineStyle(1.5, 0xf0e442, 0.9).strokeRoundedRect(8, y - 3, panelW - 16, rowH - 2, 6);
      g.fillStyle(colorFor(r.id, ownId, r.team), 1).fillCircle(16, y + size * 0.6, 4);
      const color = r.away ? UI.textDim : mine ? MVP : UI.text;
      const tags = `${r.bot ? ' [BOT]' : ''}${r.away ? ' (away)' : ''}${mine ? ' (you)' : ''}${star ? '  ★ MVP' : ''}`;
      this.root.add(text(26, y, `${i + 1}. ${r.name}${tags}`, color, mine || star));
      this.root.add(text(killsX, y, String(r.kills), color, mine, 0.5));
      this.root.add(text(deathsX, y, String(r.deaths), color, mine, 0.5));
      this.root.add(text(pingX, y, pingLabel(r), pingColor(r.pingMs, color), mine, 0.5));
    });
    if (ordered.length === 0) this.root.add(text(20, head + 22, 'No players yet', UI.textDim));
  }
}
