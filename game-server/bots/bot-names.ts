/** Names for bots: short, friendly, and never clashing with a name already in the room. */
import { MAX_NAME_LENGTH } from '../../protocol/index.js';

/** The pool bot names are drawn from (each at most MAX_NAME_LENGTH code points). */
export const BOT_NAMES: readonly string[] = Object.freeze([
  'Botrick Swayze',
  'Sir Loin',
  'Pixel Pete',
  'Captain Lag',
  'Tickles',
  'Ctrl Alt Defeat',
  'Noob Saibot',
  'Frag Mutant',
  'Byte Me',
  'Rusty Bolts',
  'Dot Matrix',
  'Clank Sinatra',
  'Wall-Hugger',
  'Spray Charles',
  'Sprocket',
  'Null Pointer',
  'Ping Crosby',
  'Tin Tin',
  'Gizmo',
  'Blip',
  'Turbo Toaster',
  'Rambot',
  'Circuit Breaker',
  'Sparky',
  'Robo Cop-out',
  'Mecha Mittens',
  'Cogsworth',
  'Bit Flipper',
  'Lag Monster',
  'Oil Be Back',
  'Glitch',
  'Servo Sam',
]);

/**
 * A bot name not in `taken` (compared case-insensitively), starting at index floor(r * pool size)
 * with `r` a uniform draw in [0, 1). When every name is taken, a numbered one ("Glitch 2").
 */
export function pickBotName(taken: Iterable<string>, r: number): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  const n = BOT_NAMES.length;
  const start = Math.min(n - 1, Math.max(0, Math.floor(r * n)));
  for (let i = 0; i < n; i += 1) {
    const name = BOT_NAMES[(start + i) % n] ?? 'Bot';
    if (!used.has(name.toLowerCase())) return name;
  }
  const base = (BOT_NAMES[start] ?? 'Bot').slice(0, MAX_NAME_LENGTH - 4);
  for (let k = 2; ; k += 1) {
    const name = `${base} ${k}`;
    if (!used.has(name.toLowerCase())) return name;
  }
}
