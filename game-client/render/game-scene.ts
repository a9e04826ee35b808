/** The world view: arena, players (own predicted, others interpolated), projectiles and effects. */
import Phaser from 'phaser';
import { ARENA, type Arena, EventKind, type GameEvent, PLAYER_RADIUS_PX } from '../../protocol/index.js';
import type { PlayerView } from '../net/snapshot.js';
import { cameraBounds, drawArena } from './arena-view.js';
import { damageNumber, muzzleFlash, shockRing, sparkBurst } from './effects.js';
import { isMatchContext, type MatchContext, type RenderedEntity } from './match-context.js';
import { colorFor, UI } from './palette.js';
import { PlayerSprite } from './player-sprite.js';
import { SceneKey } from './preload-scene.js';
import { Tex } from './textures.js';
import { WorldExtras } from './world-extras.js';

/** Reference viewport: larger screens zoom in so everyone sees about the same area. */
const REFERENCE_AREA_PX = 1280 * 800;

/** Renders one match from its session every frame. */
export class GameScene extends Phaser.Scene {
  private ctx!: MatchContext;
  private readonly players = new Map<number, PlayerSprite>();
  private readonly projectiles = new Map<number, Phaser.GameObjects.Image>();
  private unsubscribe: (() => void) | null = null;
  private started = false;
  private extras: WorldExtras | null = null;

  constructor() {
    super(SceneKey.game);
  }

  init(data: unknown): void {
    if (!isMatchContext(data)) throw new Error('game scene started without a match');
    this.ctx = data;
    this.players.clear();
    this.projectiles.clear();
    this.started = false;
  }

  create(): void {
    this.cameras.main.setBackgroundColor(UI.background);
    const arena = this.arena;
    drawArena(this, arena);
    const b = cameraBounds(arena);
    this.cameras.main.setBounds(b.x, b.y, b.width, b.height);
    this.cameras.main.centerOn(arena.width / 2, arena.height / 2);
    this.fitZoom();
    this.scale.on(Phaser.Scale.Events.RESIZE, this.fitZoom, this);
    this.unsubscribe = this.ctx.session.on('game', (e) => this.onGameEvent(e));
    this.extras = new WorldExtras(this, this.ctx);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => this.teardown());
  }

  /** The room's arena (Welcome's arena id), the standard one before Welcome. */
  private get arena(): Arena {
    return this.ctx.session.room?.arena ?? ARENA;
  }

  override update(time: number, delta: number): void {
    const { session, controls } = this.ctx;
    const frame = session.frame();
    if (!frame) return;
    const myId = session.room?.playerId ?? null;
    const cam = this.cameras.main;
    const pointer = this.input.activePointer;
    const focus = this.extras?.update(frame, time) ?? null;

    const seen = new Set<number>();
    const rendered: RenderedEntity[] = [];
    if (frame.me) {
      const me = frame.me;
      if (!this.started || me.alive) cam.centerOn(me.x, me.y);
      this.started = true;
      const world = cam.getWorldPoint(pointer.x, pointer.y);
      controls.aimRad = this.extras?.touchAim() ?? Math.atan2(world.y - me.y, world.x - me.x);
      controls.pointerFire = pointer.isDown && pointer.leftButtonDown() && this.pointerInGame(pointer);
      this.drawPlayer(me, controls.aimRad, myId, time, delta);
      seen.add(me.id);
      rendered.push({ id: me.id, x: me.x, y: me.y });
    } else if (focus) cam.centerOn(focus.x, focus.y);
    for (const p of frame.others) {
      this.drawPlayer(p, p.angle, myId, time, delta);
      seen.add(p.id);
      rendered.push({ id: p.id, x: p.x, y: p.y });
    }
    for (const [id, sprite] of this.players) {
      if (seen.has(id)) continue;
      sprite.destroy();
      this.players.delete(id);
    }
    const shots = frame.shots.map((s) => ({ ...s, ownerId: myId ?? 0 }));
    this.drawProjectiles([...frame.projectiles, ...shots], myId);
    this.ctx.onFrame(rendered);
  }

  private drawPlayer(
    view: PlayerView,
    angle: number,
    myId: number | null,
    time: number,
    delta: number,
  ): void {
    let sprite = this.players.get(view.id);
    const name = this.ctx.session.nameOf(view.id);
    if (!sprite) {
      sprite = new PlayerSprite(this, colorFor(view.id, myId), name, view.id === myId);
      this.players.set(view.id, sprite);
    }
    if (this.extras) sprite.setColors(this.extras.colorOf(view.id), this.extras.ownAccent());
    sprite.update(view, angle, name, time, delta);
  }

  private drawProjectiles(
    list: readonly { id: number; ownerId: number; x: number; y: number; vx: number; vy: number }[],
    myId: number | null,
  ): void {
    const seen = new Set<number>();
    for (const pr of list) {
      seen.add(pr.id);
      let img = this.projectiles.get(pr.id);
      const angle = Math.atan2(pr.vy, pr.vx);
      if (!img) {
        const tint = this.extras?.colorOf(pr.ownerId) ?? colorFor(pr.ownerId, myId);
        img = this.add.image(pr.x, pr.y, Tex.projectile).setTint(tint).setBlendMode('ADD').setDepth(15);
        img.setScale(1.6, 0.8);
        this.projectiles.set(pr.id, img);
        const back = PLAYER_RADIUS_PX * 0.4;
        muzzleFlash(this, pr.x - Math.cos(angle) * back, pr.y - Math.sin(angle) * back, angle, tint);
      }
      img.setPosition(pr.x, pr.y).setRotation(angle);
    }
    for (const [id, img] of this.projectiles) {
      if (seen.has(id)) continue;
      img.destroy();
      this.projectiles.delete(id);
    }
  }

  /** The one place hit, kill and spawn effects are drawn (pickup effects live in WorldExtras). */
  private onGameEvent(e: GameEvent): void {
    const { session } = this.ctx;
    const myId = session.room?.playerId ?? null;
    if (e[0] === EventKind.Hit) {
      const [, shooter, victim, damage] = e;
      this.players.get(victim)?.flash(this.time.now);
      const pos = this.positionOf(victim);
      if (pos) {
        sparkBurst(this, pos.x, pos.y, 0xffffff, 6, 26);
        if (shooter === myId || victim === myId) {
          damageNumber(this, pos.x, pos.y, damage, victim === myId ? '#ff9a5c' : '#f0e442');
        }
      }
      if (victim === myId) this.cameras.main.shake(90, 0.004);
    } else if (e[0] === EventKind.Kill) {
      const pos = this.positionOf(e[1]);
      if (!pos) return;
      const color = colorFor(e[1], myId, session.teamOf(e[1]));
      sparkBurst(this, pos.x, pos.y, color, 18, 70);
      shockRing(this, pos.x, pos.y, color);
    } else if (e[0] === EventKind.Spawn) {
      sparkBurst(this, e[2], e[3], 0x9fdcff, 12, 40);
    }
  }

  private positionOf(id: number): { x: number; y: number } | undefined {
    return this.ctx.session.buffer.latest?.players.get(id);
  }

  private pointerInGame(pointer: Phaser.Input.Pointer): boolean {
    const target = pointer.event?.target;
    return target === undefined || target === null || target === this.game.canvas;
  }

  private fitZoom(): void {
    const { width, height } = this.scale;
    const zoom = Math.sqrt((width * height) / REFERENCE_AREA_PX);
    this.cameras.main.setZoom(Math.min(1.6, Math.max(0.55, zoom)));
  }

  private teardown(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    this.extras?.destroy();
    this.extras = null;
    this.scale.off(Phaser.Scale.Events.RESIZE, this.fitZoom, this);
    for (const s of this.players.values()) s.destroy();
    this.players.clear();
    this.projectiles.clear();
  }
}
