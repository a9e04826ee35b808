/** What issue 7 adds to the world view: team colours, pickups and their effects, power-up glows, shot sounds, spectator camera. */
import type Phaser from 'phaser';
import { EventKind, type GameEvent, Team } from '../../protocol/index.js';
import { spatial } from '../audio/event-sounds.js';
import type { SessionFrame } from '../net/session.js';
import { shockRing, sparkBurst } from './effects.js';
import type { MatchContext } from './match-context.js';
import { colorFor, OWN_ACCENT, TEAM_COLORS } from './palette.js';
import { PickupsView, pickupColor } from './pickups-view.js';
import { Tex } from './textures.js';

/** A point the camera should centre on. */
export interface Focus {
  readonly x: number;
  readonly y: number;
}

/** Per-match extras of the game scene; the scene calls `update` each frame and `destroy` at shutdown. */
export class WorldExtras {
  private readonly pickups: PickupsView;
  private readonly glows = new Map<number, Phaser.GameObjects.Image>();
  private readonly heardShots = new Set<number>();
  private readonly heardProjectiles = new Set<number>();
  private readonly unsubscribe: (() => void)[] = [];

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly ctx: MatchContext,
  ) {
    const { session } = ctx;
    this.pickups = new PickupsView(scene);
    this.pickups.set(session.pickups);
    this.unsubscribe.push(session.on('pickups', (list) => this.pickups.set(list)));
    this.unsubscribe.push(session.on('game', (e) => this.onEvent(e)));
  }

  /** The body colour of player `id` (team colour in team deathmatch, the own player stays white). */
  colorOf(id: number): number {
    const { session } = this.ctx;
    return colorFor(id, session.room?.playerId ?? null, session.teamOf(id));
  }

  /** The own player's halo: the team colour in team deathmatch, else the own accent. */
  ownAccent(): number {
    const team = this.ctx.session.teamOf(this.ctx.session.room?.playerId ?? -1);
    return team === Team.None ? OWN_ACCENT : TEAM_COLORS[team];
  }

  /** The aim of the touch sticks while they are the controls (touch device in a match), else null. */
  touchAim(): number | null {
    const touch = this.ctx.touch;
    return touch?.enabled && touch.active ? touch.aimRad : null;
  }

  /** Updates pickups, glows and sounds; returns where a spectator's camera should look (null for players). */
  update(frame: SessionFrame, now: number): Focus | null {
    this.pickups.update(now);
    const everyone = frame.me ? [frame.me, ...frame.others] : frame.others;
    this.drawGlows(everyone, now);
    this.playShots(frame);
    const follow = this.ctx.follow;
    if (!follow || frame.me) return null;
    const alive = new Map(frame.others.map((p) => [p.id, p.alive]));
    const id = follow.pick(
      frame.others.map((p) => p.id),
      (i) => alive.get(i) === true,
    );
    const target = frame.others.find((p) => p.id === id);
    return target ? { x: target.x, y: target.y } : null;
  }

  /** Removes everything this added and stops listening. */
  destroy(): void {
    for (const off of this.unsubscribe.splice(0)) off();
    this.pickups.destroy();
    for (const g of this.glows.values()) g.destroy();
    this.glows.clear();
  }

  private drawGlows(players: SessionFrame['others'], now: number): void {
    const seen = new Set<number>();
    for (const p of players) {
      if (!p.poweredUp || !p.alive) continue;
      seen.add(p.id);
      let g = this.glows.get(p.id);
      if (!g) {
        g = this.scene.add.image(p.x, p.y, Tex.glow).setBlendMode('ADD').setDepth(9);
        g.setTint(pickupColor(2));
        this.glows.set(p.id, g);
      }
      g.setPosition(p.x, p.y)
        .setScale(1.1 + 0.12 * Math.sin(now / 90))
        .setAlpha(0.75);
    }
    for (const [id, g] of this.glows) {
      if (seen.has(id)) continue;
      g.destroy();
      this.glows.delete(id);
    }
  }

  private playShots(frame: SessionFrame): void {
    const sounds = this.ctx.sounds;
    if (!sounds) return;
    const ownShots = new Set(frame.shots.map((s) => s.id));
    for (const id of ownShots) if (!this.heardShots.has(id)) sounds.play('shot', { volume: 0.7 });
    keepOnly(this.heardShots, ownShots);
    const ear = frame.me ?? frame.others.find((p) => p.id === this.ctx.follow?.targetId) ?? null;
    const ids = new Set<number>();
    for (const pr of frame.projectiles) {
      ids.add(pr.id);
      if (this.heardProjectiles.has(pr.id) || !ear) continue;
      const { pan, volume = 0 } = spatial(pr.x, pr.y, ear.x, ear.y);
      if (volume <= 0) continue;
      sounds.play('shot', { volume: 0.35 * volume, pan });
    }
    keepOnly(this.heardProjectiles, ids);
  }

  /** Pickup effects; hit, kill and spawn effects are the game scene's. */
  private onEvent(e: GameEvent): void {
    if (e[0] !== EventKind.PickupTaken) return;
    const [, , pickupId, kind] = e;
    const pickup = this.ctx.session.pickups.find((q) => q[0] === pickupId);
    if (!pickup) return;
    shockRing(this.scene, pickup[2], pickup[3], pickupColor(kind), 1.8);
    sparkBurst(this.scene, pickup[2], pickup[3], pickupColor(kind), 10, 36);
  }
}

function keepOnly(set: Set<number>, current: ReadonlySet<number>): void {
  for (const id of current) set.add(id);
  for (const id of set) if (!current.has(id)) set.delete(id);
}
