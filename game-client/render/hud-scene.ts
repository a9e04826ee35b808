/** The heads-up display: health, score, round clock, ping, kill feed, banners and the scoreboard. */
import Phaser from 'phaser';
import {
  ARENA,
  EventKind,
  type GameEvent,
  PickupKind,
  PLAYER_MAX_HP,
  Role,
  RoundPhase,
  type TeamCode,
} from '../../protocol/index.js';
import type { RosterRow } from '../net/session.js';
import { KillFeed } from './kill-feed.js';
import { isMatchContext, type MatchContext } from './match-context.js';
import { Minimap } from './minimap.js';
import { NetGraph } from './net-graph.js';
import { colorFor, cssColor, TEAM_NAMES, UI } from './palette.js';
import { SceneKey } from './preload-scene.js';
import { countdownDigit, roundLine, warmupText } from './round-label.js';
import { Scoreboard } from './scoreboard.js';
import { rowsFromEntries, teamTotals } from './standings.js';

const FONT = 'system-ui, "Segoe UI", sans-serif';
const BANNER_MS = 2200;

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
  private countdown!: Phaser.GameObjects.Text;
  private status!: Phaser.GameObjects.Text;
  private minimap!: Minimap;
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
    this.countdown = this.add
      .text(0, 0, '', { ...style(96, '#f0e442', true), strokeThickness: 8 })
      .setOrigin(0.5)
      .setDepth(46);
    this.status = this.add
      .text(0, 0, '', style(15, UI.text, true))
      .setOrigin(0.5, 1)
      .setDepth(31);
    this.minimap = new Minimap(this);
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
    const spectating = session.room?.role === Role.Spectator;
    const mine = myId !== null ? session.rowOf(myId) : undefined;
    const compact = height < 520;

    this.score.setText(spectating ? 'Spectating' : `Kills ${mine?.kills ?? 0}   Deaths ${mine?.deaths ?? 0}`);
    const compactBar = width <= 900 || height <= 500;
    this.ping
      .setPosition(compactBar ? width / 2 : width - 16, compactBar ? 40 : 14)
      .setOrigin(compactBar ? 0.5 : 1, 0)
      .setText(`Ping ${Math.round(session.clock.rttMs)} ms`);
    this.feed.update(time, compactBar ? 52 : 40);
    this.netGraph?.update(time);
    const teamOf = (id: number): TeamCode => session.teamOf(id);
    const mapW = Math.round(Math.max(100, Math.min(190, width * 0.16)));
    const arena = session.room?.arena ?? ARENA;
    const mapH = Math.round((arena.height / arena.width) * mapW);
    // Small screens: top-left (the sticks own the bottom); desktop: bottom-right (the top bar is centred at the top).
    const mapX = compactBar ? 16 : width - mapW - 20;
    const mapY = compactBar ? 42 : height - mapH - 20;
    const view = this.scene.get(SceneKey.game)?.cameras?.main?.worldView ?? null;
    const follow = this.ctx.follow?.targetId ?? null;
    this.minimap.draw(mapX, mapY, mapW, arena, frame, session.pickups, teamOf, follow, view);

    if (!frame) {
      this.timer.setPosition(width / 2, 12).setText('');
      this.center.setPosition(width / 2, height / 2).setText('Waiting for the server…');
      this.countdown.setText('');
      this.status.setText('');
      this.drawHp(0, width, height, spectating);
      return;
    }
    const round = frame.round;
    const playing = round.phase === RoundPhase.Playing;
    this.timer.setPosition(width / 2, 12).setText(roundLine(round));
    this.drawHp(frame.me?.alive ? frame.me.hp : 0, width, height, spectating);
    this.countdown.setPosition(width / 2, height * 0.4).setText(countdownDigit(round));
    this.countdown.setFontSize(compact ? 64 : 96);

    const me = frame.me;
    let centerText = warmupText(round);
    if (me && !me.alive && playing) {
      const killer = this.lastKiller !== null ? session.nameOf(this.lastKiller) : '';
      centerText = killer ? `Eliminated by ${killer} — respawning…` : 'Eliminated — respawning…';
    }
    this.center.setPosition(width / 2, height / 2 + 70).setText(centerText);
    this.banner.setPosition(width / 2, height * 0.28).setVisible(time < this.bannerUntil);
    this.banner.setFontSize(compact ? 24 : 34);

    let statusText = '';
    if (spectating) {
      const target = this.ctx.follow?.targetId ?? null;
      const name = target !== null ? session.nameOf(target) : '';
      statusText = name ? `Watching ${name}  ·  Q / E to switch` : 'Spectating — waiting for players';
    } else if (me?.poweredUp && me.alive) statusText = '★ POWERED UP';
    this.status
      .setPosition(width / 2, height - (this.ctx.touch?.active ? 12 : 16))
      .setText(statusText)
      .setColor(spectating ? UI.text : '#f0e442');

    if (round.phase === RoundPhase.Intermission) {
      this.board.show(this.roundTitle(round.number), this.roundEnd?.rows ?? session.roster, myId);
    } else if (controls.scoreboardHeld || this.ctx.touch?.scoreboardHeld) {
      this.board.show(`Scoreboard — round ${round.number}`, session.roster, myId);
    } else this.board.show('', null, myId);
    if (this.board.visible) this.banner.setVisible(false);
  }

  private roundTitle(current: number): string {
    const end = this.roundEnd;
    const round = end?.round ?? current;
    if (!end) return `Round ${round} over`;
    const totals = teamTotals(end.rows);
    const [red, blue] = totals;
    if (red && blue) {
      if (red.kills === blue.kills) return `Round ${round} over — draw`;
      const team = red.kills > blue.kills ? red.team : blue.team;
      return `Round ${round} over — ${TEAM_NAMES[team]} team wins!`;
    }
    const winner = end.winnerId !== 0 ? this.ctx.session.nameOf(end.winnerId) || this.rowName(end) : '';
    return winner ? `Round ${round} over — ${winner} wins!` : `Round ${round} over — draw`;
  }

  private rowName(end: { winnerId: number; rows: RosterRow[] }): string {
    return end.rows.find((r) => r.id === end.winnerId)?.name ?? '';
  }

  private drawHp(hp: number, width: number, height: number, hidden = false): void {
    this.hp.setVisible(!hidden);
    this.hpText.setVisible(!hidden);
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
        const own = killer === myId || victim === myId;
        const color = own ? '#f0e442' : cssColor(colorFor(killer, myId, session.teamOf(killer)));
        this.feed.push(line, color, now);
        if (killer === myId) this.showBanner(`You eliminated ${name(victim)}`, now, 1200);
        break;
      }
      case EventKind.RoundEnd: {
        const [, round, winnerId, standings] = e;
        this.roundEnd = {
          round,
          winnerId,
          // Standings carry no pings: the scoreboard shows each player's as last reported.
          rows: rowsFromEntries(standings, (id) => session.rowOf(id)?.pingMs ?? 0),
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
      case EventKind.PickupTaken:
        if (e[1] === myId) {
          this.showBanner(e[3] === PickupKind.PowerUp ? 'Power-up!' : '+ Health', now, 900);
        }
        break;
      case EventKind.Countdown:
        this.roundEnd = null;
        break;
    }
  }

  private showBanner(text: string, now: number, ms: number): void {
    this.banner.setText(text);
    this.bannerUntil = now + ms;
  }
}
