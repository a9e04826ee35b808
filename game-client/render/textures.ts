/** Every texture of the game, drawn in code on canvases: no downloaded assets. */
import { PLAYER_RADIUS_PX, PROJECTILE_RADIUS_PX } from '../../protocol/index.js';
import { UI } from './palette.js';

/** Texture keys. */
export const Tex = {
  player: 'player',
  halo: 'halo',
  shield: 'shield',
  shadow: 'shadow',
  projectile: 'projectile',
  flash: 'flash',
  spark: 'spark',
  floor: 'floor',
  wall: 'wall',
  health: 'health',
  star: 'star',
  glow: 'glow',
  ring: 'ring',
} as const;

/** A texture to generate: its key, size and a painter for a 2D context. */
export interface TextureRecipe {
  readonly key: string;
  readonly width: number;
  readonly height: number;
  readonly paint: (ctx: CanvasRenderingContext2D, w: number, h: number) => void;
}

const hex = (c: number, a = 1): string => `rgba(${(c >> 16) & 255}, ${(c >> 8) & 255}, ${c & 255}, ${a})`;

const PLAYER_TEX = 64;

/** Fills a w x h texture with a radial gradient centred on it, from radius r0 to r1, through `stops`. */
function fillRadial(
  ctx: CanvasRenderingContext2D,
  w: number,
  h: number,
  r0: number,
  r1: number,
  stops: readonly (readonly [number, string])[],
): void {
  const g = ctx.createRadialGradient(w / 2, h / 2, r0, w / 2, h / 2, r1);
  for (const [offset, colour] of stops) g.addColorStop(offset, colour);
  ctx.fillStyle = g;
  ctx.fillRect(0, 0, w, h);
}

/** All recipes, in generation order. */
export const TEXTURES: readonly TextureRecipe[] = [
  {
    key: Tex.player,
    width: PLAYER_TEX,
    height: PLAYER_TEX,
    // White so a tint gives each player its colour; the barrel points along +x (angle 0).
    paint: (ctx, w, h) => {
      const cx = w / 2;
      const cy = h / 2;
      const r = PLAYER_RADIUS_PX;
      ctx.fillStyle = '#cfd6e2';
      ctx.strokeStyle = '#1a2030';
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.roundRect(cx + 4, cy - 4.5, r + 12, 9, 3);
      ctx.fill();
      ctx.stroke();
      const g = ctx.createRadialGradient(cx - 5, cy - 6, 2, cx, cy, r);
      g.addColorStop(0, '#ffffff');
      g.addColorStop(1, '#c4cbd8');
      ctx.fillStyle = g;
      ctx.beginPath();
      ctx.arc(cx, cy, r - 1, 0, Math.PI * 2);
      ctx.fill();
      ctx.lineWidth = 2.5;
      ctx.stroke();
      ctx.fillStyle = 'rgba(20, 26, 40, 0.55)';
      ctx.beginPath();
      ctx.arc(cx + 5, cy, 4, 0, Math.PI * 2);
      ctx.fill();
    },
  },
  {
    key: Tex.halo,
    width: PLAYER_TEX,
    height: PLAYER_TEX,
    paint: (ctx, w, h) => {
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = 3;
      ctx.setLineDash([7, 5]);
      ctx.beginPath();
      ctx.arc(w / 2, h / 2, PLAYER_RADIUS_PX + 8, 0, Math.PI * 2);
      ctx.stroke();
    },
  },
  {
    key: Tex.shield,
    width: PLAYER_TEX,
    height: PLAYER_TEX,
    paint: (ctx, w, h) => {
      fillRadial(ctx, w, h, PLAYER_RADIUS_PX, PLAYER_RADIUS_PX + 12, [
        [0, 'rgba(160, 220, 255, 0)'],
        [0.7, 'rgba(160, 220, 255, 0.55)'],
        [1, 'rgba(160, 220, 255, 0)'],
      ]);
    },
  },
  {
    key: Tex.shadow,
    width: PLAYER_TEX,
    height: PLAYER_TEX,
    paint: (ctx, w, h) => {
      fillRadial(ctx, w, h, 4, PLAYER_RADIUS_PX + 8, [
        [0, 'rgba(0, 0, 0, 0.55)'],
        [1, 'rgba(0, 0, 0, 0)'],
      ]);
    },
  },
  {
    key: Tex.projectile,
    width: 24,
    height: 24,
    paint: (ctx, w, h) => {
      fillRadial(ctx, w, h, 0, w / 2, [
        [0, 'rgba(255, 255, 255, 1)'],
        [PROJECTILE_RADIUS_PX / (w / 2), 'rgba(255, 255, 255, 0.95)'],
        [1, 'rgba(255, 255, 255, 0)'],
      ]);
    },
  },
  {
    key: Tex.flash,
    width: 48,
    height: 48,
    paint: (ctx, w, h) => {
      const cx = w / 2;
      const cy = h / 2;
      const g = ctx.createRadialGradient(cx, cy, 0, cx, cy, w / 2);
      g.addColorStop(0, 'rgba(255, 255, 230, 1)');
      g.addColorStop(0.35, 'rgba(255, 210, 90, 0.9)');
      g.addColorStop(1, 'rgba(255, 140, 0, 0)');
      ctx.fillStyle = g;
      ctx.beginPath();
      for (let i = 0; i < 16; i++) {
        const a = (i / 16) * Math.PI * 2;
        const r = i % 2 === 0 ? w / 2 : w / 5;
        ctx.lineTo(cx + Math.cos(a) * r, cy + Math.sin(a) * r);
      }
      ctx.closePath();
      ctx.fill();
    },
  },
  {
    key: Tex.spark,
    width: 8,
    height: 8,
    paint: (ctx, w, h) => {
      ctx.fillStyle = '#ffffff';
      ctx.beginPath();
      ctx.arc(w / 2, h / 2, w / 2, 0, Math.PI * 2);
      ctx.fill();
    },
  },
  {
    key: Tex.floor,
    width: 80,
    height: 80,
    paint: (ctx, w, h) => {
      ctx.fillStyle = hex(UI.floor);
      ctx.fillRect(0, 0, w, h);
      ctx.fillStyle = hex(UI.floorLine);
      ctx.fillRect(0, 0, w, 2);
      ctx.fillRect(0, 0, 2, h);
      ctx.fillStyle = hex(UI.floorLine, 0.6);
      ctx.fillRect(w / 2, h / 2 - 3, 1, 6);
      ctx.fillRect(w / 2 - 3, h / 2, 6, 1);
    },
  },
  {
    key: Tex.wall,
    width: 40,
    height: 40,
    paint: (ctx, w, h) => {
      ctx.fillStyle = hex(UI.wall);
      ctx.fillRect(0, 0, w, h);
      ctx.strokeStyle = hex(UI.wallEdge, 0.5);
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(0, 0.5);
      ctx.lineTo(w, 0.5);
      ctx.moveTo(0, h / 2 + 0.5);
      ctx.lineTo(w, h / 2 + 0.5);
      ctx.moveTo(w / 2 + 0.5, 0);
      ctx.lineTo(w / 2 + 0.5, h / 2);
      ctx.moveTo(0.5, h / 2);
      ctx.lineTo(0.5, h);
      ctx.stroke();
    },
  },
  {
    key: Tex.health,
    width: 40,
    height: 40,
    // A white cross on a dark disc; tinted at draw time.
    paint: (ctx, w, h) => {
      ctx.fillStyle = 'rgba(11, 15, 23, 0.75)';
      ctx.beginPath();
      ctx.arc(w / 2, h / 2, w / 2 - 1, 0, Math.PI * 2);
      ctx.fill();
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(w / 2 - 4, 8, 8, h - 16);
      ctx.fillRect(8, h / 2 - 4, w - 16, 8);
    },
  },
  {
    key: Tex.star,
    width: 40,
    height: 40,
    paint: (ctx, w, h) => {
      ctx.fillStyle = 'rgba(11, 15, 23, 0.75)';
      ctx.beginPath();
      ctx.arc(w / 2, h / 2, w / 2 - 1, 0, Math.PI * 2);
      ctx.fill();
      ctx.fillStyle = '#ffffff';
      ctx.beginPath();
      for (let i = 0; i < 10; i++) {
        const a = -Math.PI / 2 + (i / 10) * Math.PI * 2;
        const r = i % 2 === 0 ? 15 : 6.5;
        ctx.lineTo(w / 2 + Math.cos(a) * r, h / 2 + Math.sin(a) * r);
      }
      ctx.closePath();
      ctx.fill();
    },
  },
  {
    key: Tex.glow,
    width: 96,
    height: 96,
    paint: (ctx, w, h) => {
      fillRadial(ctx, w, h, PLAYER_RADIUS_PX - 4, w / 2, [
        [0, 'rgba(255, 255, 255, 0.8)'],
        [0.45, 'rgba(255, 255, 255, 0.35)'],
        [1, 'rgba(255, 255, 255, 0)'],
      ]);
    },
  },
  {
    key: Tex.ring,
    width: 64,
    height: 64,
    paint: (ctx, w, h) => {
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = 4;
      ctx.beginPath();
      ctx.arc(w / 2, h / 2, w / 2 - 3, 0, Math.PI * 2);
      ctx.stroke();
    },
  },
];

/** Paints one recipe onto a new canvas. */
export function paintTexture(recipe: TextureRecipe): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = recipe.width;
  canvas.height = recipe.height;
  const ctx = canvas.getContext('2d');
  if (ctx) recipe.paint(ctx, recipe.width, recipe.height);
  return canvas;
}
