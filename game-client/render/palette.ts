/** Colours of the game: Okabe-Ito hues that stay distinct under the common colour-vision deficiencies. */
import { Team, type TeamCode } from '../../protocol/index.js';

/** Player colours for everyone but the local player (Okabe-Ito, brightest first). */
export const PLAYER_COLORS: readonly number[] = [
  0xe69f00, // orange
  0x56b4e9, // sky blue
  0x009e73, // bluish green
  0xf0e442, // yellow
  0xcc79a7, // reddish purple
  0xd55e00, // vermillion
  0x0072b2, // blue
];

/** The local player: white with a halo, unlike any palette colour. */
export const OWN_COLOR = 0xffffff;
/** Halo and highlights of the local player. */
export const OWN_ACCENT = 0xf0e442;

/** Team colours: vermillion-orange and sky blue, the pair every common colour-vision type tells apart. */
export const TEAM_COLORS: Readonly<Record<TeamCode, number>> = { 0: 0x9aa6bb, 1: 0xef7d2d, 2: 0x3fa9f5 };

/** Team names as shown in the HUD. */
export const TEAM_NAMES: Readonly<Record<TeamCode, string>> = { 0: '', 1: 'Red', 2: 'Blue' };

/** Colour of player `id` as seen by player `ownId`; in team modes everyone but the own player wears the team colour. */
export function colorFor(id: number, ownId: number | null, team: TeamCode = Team.None): number {
  if (id === ownId) return OWN_COLOR;
  if (team !== Team.None) return TEAM_COLORS[team];
  return PLAYER_COLORS[id % PLAYER_COLORS.length] ?? PLAYER_COLORS[0]!;
}

/** Pickup colours: bluish green for health, yellow for the power-up. */
export const PICKUP_COLORS = { health: 0x2fd39a, powerUp: 0xf0e442 } as const;

/** A number colour as a CSS hex string. */
export function cssColor(c: number): string {
  return `#${c.toString(16).padStart(6, '0')}`;
}

/** Scene and HUD tones. */
export const UI = {
  background: 0x0b0f17,
  floor: 0x161d2a,
  floorLine: 0x1f2839,
  wall: 0x3a4559,
  wallEdge: 0x58677f,
  text: '#e8ecf4',
  textDim: '#9aa6bb',
  hpHigh: 0x009e73,
  hpMid: 0xe69f00,
  hpLow: 0xd55e00,
  panel: 0x0b0f17,
} as const;
