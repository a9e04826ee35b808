/** Keyboard state of the game, read from DOM events so typing in chat never moves the player. */
import { Key } from '../../protocol/index.js';

const KEY_BITS: Readonly<Record<string, number>> = {
  KeyW: Key.Up,
  ArrowUp: Key.Up,
  KeyS: Key.Down,
  ArrowDown: Key.Down,
  KeyA: Key.Left,
  ArrowLeft: Key.Left,
  KeyD: Key.Right,
  ArrowRight: Key.Right,
  Space: Key.Fire,
};

/** True when the focused element takes text (then game keys are ignored). */
export function isTyping(): boolean {
  const el = document.activeElement;
  return (
    el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement
  );
}

/**
 * Held keys as a protocol `Key` bitmask plus the scoreboard key. Only active while `enabled`, so the
 * lobby keeps its normal keyboard behaviour. Everything is released when the window loses focus.
 */
export class Controls {
  /** Whether game keys are captured (true while in a room). */
  enabled = false;
  /** Set by the scene from the pointer: left button held over the game. */
  pointerFire = false;
  /** Set by the scene from the pointer: aim in radians. */
  aimRad = 0;
  private held = 0;
  private tab = false;

  constructor(target: Window) {
    target.addEventListener('keydown', (e) => this.onKey(e, true));
    target.addEventListener('keyup', (e) => this.onKey(e, false));
    target.addEventListener('blur', () => this.release());
    document.addEventListener('focusin', () => {
      if (isTyping()) this.release();
    });
  }

  /** The key bitmask to send this tick. */
  get keys(): number {
    if (!this.enabled || isTyping()) return 0;
    return this.held | (this.pointerFire ? Key.Fire : 0);
  }

  /** True while the scoreboard key (Tab) is held. */
  get scoreboardHeld(): boolean {
    return this.enabled && this.tab;
  }

  /** Releases every key (focus lost, chat opened, leaving). */
  release(): void {
    this.held = 0;
    this.tab = false;
    this.pointerFire = false;
  }

  private onKey(e: KeyboardEvent, down: boolean): void {
    if (!this.enabled) return;
    if (e.code === 'Tab') {
      if (isTyping()) return;
      e.preventDefault();
      this.tab = down;
      return;
    }
    const bit = KEY_BITS[e.code];
    if (bit === undefined) return;
    if (down && (isTyping() || e.ctrlKey || e.metaKey || e.altKey)) return;
    if (!isTyping()) e.preventDefault();
    this.held = down ? this.held | bit : this.held & ~bit;
  }
}
