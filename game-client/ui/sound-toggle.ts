/** The mute toggle: buttons that show and flip the SoundBoard's mute, and the M key outside text fields. */
import type { SoundBoard } from '../audio/sound-board.js';
import { isTyping } from './controls.js';

/** Wires `buttons` and the M key to `sounds.toggleMute()`; `onChange` runs after each flip. */
export function wireMuteToggle(
  sounds: SoundBoard,
  buttons: readonly HTMLButtonElement[],
  onChange: () => void = () => undefined,
): () => void {
  const show = () => {
    for (const b of buttons) {
      b.textContent = sounds.muted ? 'Sound off' : 'Sound on';
      b.setAttribute('aria-pressed', String(sounds.muted));
      b.title = 'Mute or unmute (M)';
    }
  };
  const flip = () => {
    sounds.toggleMute();
    show();
    onChange();
  };
  for (const b of buttons) b.addEventListener('click', flip);
  window.addEventListener('keydown', (e) => {
    if (e.code !== 'KeyM' || e.repeat || isTyping() || e.ctrlKey || e.metaKey || e.altKey) return;
    flip();
  });
  show();
  return show;
}
