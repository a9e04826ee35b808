/** The heads-up display: health, score, round clock, ping, kill feed, banners and the scoreboard. */
import Phaser from 'phaser';
import { EventKind, type GameEvent, PLAYER_MAX_HP, RoundPhase } from '../../protocol/index.js';
import type { RosterRow } from '../net/session.js';
import { KillFeed } from './kill-feed.js';
import { isMatchContext, type MatchContext } from './match-context.js';
import { NetGraph } from './net-graph.js';
import { colorFor, cssColor, UI } from './palette.js';
import { SceneKey } from './preload-scene.js';
import { Scoreboard } from './scoreboard.js';

const FONT = 'system-ui, "Segoe UI", sans-serif';
const BANNER_MS = 2200;

const clock = (ms: number): string => {
  const s = Math.ceil(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** Draws over the game scene with a fixed camera. */
export class HudScene extends Phaser.Scene {
  private ctx!: MatchContext;
  private hp!: Phaser.GameObjects.Graphics;
  private hpText!: Phaser.GameObjects.Text;
  private score!: Phaser.GameObjects.Text;
  private timer!: Phaser.GameObjects.Text;
  private ping!: Phaser.GameObjects.Text;
  private banner!: Phaser.GameObjects.Text;
  private center!: Phaser.GameObjects.Text;
  private feed!: KillFeed;
  private board!: Scoreboard;
  private netGraph: NetGraph | null = null;
  private bannerUntil = 0;
  private lastKiller: number | null = null;
  private roundEnd: { winnerId: number; rows: RosterRow[]; round: number } | null = null;
  private unsubscribe: (() => void) | null = null;
  private hpKey = '';

  constructor() {
    super(SceneKey.hud);
  }

  init(data: unknown): void {
    if (!isMatchContext(data)) throw new Error('hud scene started without a match');
    this.ctx = data;
    this.roundEnd = null;
    this.lastKiller = null;
    this.hpKey = '';
  }

  create(): void {
    const style = (size: number, color: string = UI.text, bold = false) => ({
      fontFamily: FONT,
      fontSize: `${size}px`,
      color,
      fontStyle: bold ? 'bold' : 'normal',
      stroke: '#0b0f17',
      strokeThickness: 4,
    });
    this.hp = this.add.graphics().setDepth(30);
    this.hpText = this.add.text(0, 0, '', style(14, UI.text, true)).setDepth(31);
    this.score = this.add.text(16, 14, '', style(16, UI.text, true)).setDepth(30);
    this.timer = this.add
      .text(0, 12, '', style(22, UI.text, true))
      .setOrigin(0.5, 0)
      .setDepth(30);
    this.ping = this.add.text(0, 14, '', style(14, UI.textDim)).setOrigin(1, 0).setDepth(30);
    this.banner = this.add
      .text(0, 0, '', style(34, '#f0e442', true))
      .setOrigin(0.5)
      .setDepth(45);
    this.center = this.add
      .text(0, 0, '', style(18, UI.text, true))
      .setOrigin(0.5)
      .setDepth(45);
    this.feed = new KillFeed(this);
    this.board = new Scoreboard(this);
    this.unsubscribe = this.ctx.session.on('game', (e) => this.onGameEvent(e));
    const session = this.ctx.session;
    this.netGraph = new NetGraph(this, () => session.netStats());
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.unsubscribe?.();
      this.unsubscribe = null;
      this.netGraph?.destroy();
      this.netGraph = null;
    });
  }

  override update(time: number): void {
    const { session, controls } = this.ctx;
    const { width, height } = this.scale;
    const frame = session.lastFrame;
    const myId = session.room?.playerId ?? null;
    const mine = session.roster.find((r) => r.id === myId);

    this.score.setText(`Kills ${mine?.kills ?? 0}   Deaths ${mine?.deaths ?? 0}`);
    this.ping.setPosition(width - 16, 14).setText(`Ping ${Math.round(session.clock.rttMs)} ms`);
    this.feed.update(time, 40);
    this.netGraph?.update(time);

    if (!frame) {
      this.timer.setPosition(width / 2, 12).setText('');
      this.center.setPosition(width / 2, height / 2).setText('Waiting for the server…');
      this.drawHp(0, width, height);
      return;
    }
    const round = frame.round;
    const playing = round.phase === RoundPhase.Playing;
    this.timer
      .setPosition(width / 2, 12)
      .setText(
        playing ? `Round ${round.number} · ${clock(round.msLeft)}` : `Next round in ${clock(round.msLeft)}`,
      );
    this.drawHp(frame.me?.alive ? frame.me.hp : 0, width, height);

    const me = frame.me;
    let centerText = '';
    if (me && !me.alive && playing) {
      const killer = this.lastKiller !== null ? session.nameOf(this.lastKiller) : '';
      centerText = killer ? `Eliminated by ${killer} — respawning…` : 'Eliminated — respawning…';
    }
    this.center.setPosition(width / 2, height / 2 + 70).setText(centerText);
    this.banner.setPosition(width / 2, height * 0.28).setVisible(time < this.bannerUntil);

    if (!playing) {
      const end = this.roundEnd;
      const winner = end && end.winnerId !== 0 ? session.nameOf(end.winnerId) || this.rowName(end) : '';
      const title = winner
        ? `Round ${end?.round ?? round.number} over — ${winner} wins!`
        : `Round ${end?.round ?? round.number} over — draw`;
      this.board.show(title, end?.rows ?? sorted(session.roster), myId);
    } else if (controls.scoreboardHeld) {
      this.board.show(`Scoreboard — round ${round.number}`, sorted(session.roster), myId);
    } else this.board.show('', null, myId);
  }

  private rowName(end: { winnerId: number; rows: RosterRow[] }): string {
    return end.rows.find((r) => r.id === end.winnerId)?.name ?? '';
  }

  private drawHp(hp: number, width: number, height: number): void {
    const w = Math.min(260, width * 0.35);
    const x = 16;
    const y = height - 34;
    const key = `${hp}:${width}:${height}`;
    if (key !== this.hpKey) {
      this.hpKey = key;
      const frac = Math.max(0, Math.min(1, hp / PLAYER_MAX_HP));
      const color = frac > 0.5 ? UI.hpHigh : frac > 0.25 ? UI.hpMid : UI.hpLow;
      this.hp.clear();
      this.hp.fillStyle(UI.panel, 0.8).fillRoundedRect(x - 4, y - 4, w + 8, 26, 8);
      if (frac > 0) this.hp.fillStyle(color, 1).fillRoundedRect(x, y, Math.max(8, w * frac), 18, 6);
    }
    this.hpText.setPosition(x + 10, y).setText(`HP ${hp}`);
  }

  private onGameEvent(e: GameEvent): void {
    const { session } = this.ctx;
    const myId = session.room?.playerId ?? null;
    const now = this.time.now;
    const name = (id: number) => session.nameOf(id) || `#${id}`;
    switch (e[0]) {
      case EventKind.Kill: {
        const [, victim, killer] = e;
        if (victim === myId) this.lastKiller = killer;
        const line = killer === victim ? `${name(victim)} ✖ self` : `${name(killer)}  ✖  ${name(victim)}`;
        const color = killer === myId || victim === myId ? '#f0e442' : cssColor(colorFor(killer, myId));
        this.feed.push(line, color, now);
        if (killer === myId) this.showBanner(`You eliminated ${name(victim)}`, now, 1200);
        break;
      }
      case EventKind.RoundEnd: {
        const [, round, winnerId, standings] = e;
        this.roundEnd = {
          round,
          winnerId,
          rows: standings.map(([id, n, kills, deaths]) => ({ id, name: n, kills, deaths })),
        };
        break;
      }
      case EventKind.RoundStart:
        this.roundEnd = null;
        this.lastKiller = null;
        this.showBanner(`Round ${e[1]} — fight!`, now, BANNER_MS);
        break;
      case EventKind.Joined:
        if (e[1] !== myId) this.feed.push(`${e[2]} joined`, UI.textDim, now);
        break;
      case EventKind.Left:
        this.feed.push(`${e[2]} left`, UI.textDim, now);
        break;
    }
  }

  private showBanner(text: string, now: number, ms: number): void {
    this.banner.setText(text);
    this.bannerUntil = now + ms;
  }
}

function sorted(rows: readonly RosterRow[]): RosterRow[] {
  return [...rows].sort((a, b) => b.kills - a.kills || a.deaths - b.deaths);
}
