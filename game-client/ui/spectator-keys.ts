/** Spectator switching: Q/E or Left/Right arrows, and the on-screen Prev/Next buttons. */
import type { SpectatorFollow } from '../render/spectator-follow.js';
import { isTyping } from './controls.js';

const PREV = new Set(['KeyQ', 'ArrowLeft']);
const NEXT = new Set(['KeyE', 'ArrowRight']);

/** Calls `follow().cycle` from keys and buttons while `follow()` returns a SpectatorFollow. */
export function bindSpectatorKeys(
  follow: () => SpectatorFollow | null,
  prev: HTMLButtonElement,
  next: HTMLButtonElement,
): void {
  window.addEventListener('keydown', (e) => {
    const f = follow();
    if (!f || isTyping() || e.repeat) return;
    if (PREV.has(e.code)) f.cycle(-1);
    else if (NEXT.has(e.code)) f.cycle(1);
    else return;
    e.preventDefault();
  });
  prev.addEventListener('click', () => follow()?.cycle(-1));
  next.addEventListener('click', () => follow()?.cycle(1));
}
