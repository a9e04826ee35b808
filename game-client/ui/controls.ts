/** Keyboard state of the game, read from DOM events so typing in chat never moves the player. */
import { Key } from '../../protocol/index.js';
import { actionOf, DEFAULT_KEY_BINDINGS, type KeyBindings, keyBitsOf } from './key-bindings.js';

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
  private bindings: KeyBindings = DEFAULT_KEY_BINDINGS;
  private keyBits = keyBitsOf(DEFAULT_KEY_BINDINGS);

  constructor(target: Window, bindings: KeyBindings = DEFAULT_KEY_BINDINGS) {
    this.setBindings(bindings);
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

  /** Uses new key bindings (from the settings); held keys are released. */
  setBindings(bindings: KeyBindings): void {
    this.bindings = bindings;
    this.keyBits = keyBitsOf(bindings);
    this.release();
  }

  /** Releases every key (focus lost, chat opened, leaving). */
  release(): void {
    this.held = 0;
    this.tab = false;
    this.pointerFire = false;
  }

  private onKey(e: KeyboardEvent, down: boolean): void {
    if (!this.enabled) return;
    if (actionOf(this.bindings, e.code) === 'scoreboard') {
      if (isTyping()) return;
      e.preventDefault();
      this.tab = down;
      return;
    }
    const bit = this.keyBits[e.code];
    if (bit === undefined) return;
    if (down && (isTyping() || e.ctrlKey || e.metaKey || e.altKey)) return;
    if (!isTyping()) e.preventDefault();
    this.held = down ? this.held | bit : this.held & ~bit;
  }
}
