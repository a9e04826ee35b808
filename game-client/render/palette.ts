/** Colours of the game: Okabe-Ito hues that stay distinct under the common colour-vision deficiencies. */

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

/** Colour of player `id` as seen by player `ownId`. */
export function colorFor(id: number, ownId: number | null): number {
  if (id === ownId) return OWN_COLOR;
  return PLAYER_COLORS[id % PLAYER_COLORS.length] ?? PLAYER_COLORS[0]!;
}

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
