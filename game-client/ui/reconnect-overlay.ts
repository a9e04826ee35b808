/** The "Reconnecting…" overlay over the game: attempt number and a countdown to the end of the grace period. */
import type { ReconnectStatus } from '../net/reconnect.js';

/** A DOM overlay created on demand inside `parent` (id `reconnect-overlay`, role status). */
export class ReconnectOverlay {
  private readonly root: HTMLElement;
  private readonly line: HTMLElement;
  private readonly detail: HTMLElement;
  private tick: ReturnType<typeof setInterval> | undefined;
  private endsAt = 0;

  constructor(parent: HTMLElement) {
    this.root = document.createElement('div');
    this.root.id = 'reconnect-overlay';
    this.root.className = 'reconnect-overlay';
    this.root.setAttribute('role', 'status');
    this.root.setAttribute('aria-live', 'polite');
    this.root.hidden = true;
    this.line = document.createElement('p');
    this.line.className = 'reconnect-title';
    this.line.textContent = 'Reconnecting…';
    this.detail = document.createElement('p');
    this.detail.className = 'reconnect-detail';
    this.root.append(this.line, this.detail);
    parent.append(this.root);
  }

  /** True while shown. */
  get visible(): boolean {
    return !this.root.hidden;
  }

  /** Shows (or updates) the overlay for `s`. */
  show(s: ReconnectStatus): void {
    this.root.hidden = false;
    this.endsAt = performance.now() + s.leftMs;
    this.line.textContent = `Reconnecting… (attempt ${s.attempt})`;
    this.render();
    this.tick ??= setInterval(() => this.render(), 250);
  }

  /** Hides the overlay. */
  hide(): void {
    this.root.hidden = true;
    clearInterval(this.tick);
    this.tick = undefined;
  }

  private render(): void {
    const left = Math.max(0, Math.ceil((this.endsAt - performance.now()) / 1000));
    this.detail.textContent = `Connection lost. Your seat is kept for ${left} s more.`;
  }
}
