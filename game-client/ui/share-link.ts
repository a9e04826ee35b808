/** The room's share link shown in game, with a copy button. */
import { byId } from './dom.js';
import { shareUrl } from './routing.js';

/** Shows the link of room `code` (or clears it when null) and wires the copy button once. */
export class ShareLink {
  private readonly link = byId('share-link', HTMLAnchorElement);
  private readonly copy = byId('copy-link', HTMLButtonElement);
  private readonly roomName = byId('room-name', HTMLElement);

  constructor() {
    this.copy.addEventListener('click', () => void this.copyLink());
    this.link.addEventListener('click', (e) => {
      e.preventDefault();
      void this.copyLink();
    });
  }

  /** Displays room `code` named `name`. */
  set(code: string | null, name = ''): void {
    const url = code ? shareUrl(code) : '';
    this.link.href = url || '#';
    this.link.textContent = url;
    this.roomName.textContent = code ? `${name} · ${code}` : '';
    this.copy.textContent = 'Copy link';
  }

  private async copyLink(): Promise<void> {
    const url = this.link.textContent ?? '';
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      this.copy.textContent = 'Copied!';
    } catch {
      const range = document.createRange();
      range.selectNodeContents(this.link);
      const sel = getSelection();
      sel?.removeAllRanges();
      sel?.addRange(range);
      this.copy.textContent = 'Press Ctrl+C';
    }
    setTimeout(() => {
      this.copy.textContent = 'Copy link';
    }, 1500);
  }
}
