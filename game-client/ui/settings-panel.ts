/** The lobby's settings card: volume, mute and key bindings, all saved through the settings store. */
import type { SoundBoard } from '../audio/sound-board.js';
import { byId } from './dom.js';
import {
  BINDABLE_ACTIONS,
  type BindableAction,
  DEFAULT_KEY_BINDINGS,
  type KeyBindings,
} from './key-bindings.js';
import { loadSettings, updateSettings } from './settings-store.js';

const LABELS: Readonly<Record<BindableAction, string>> = {
  up: 'Move up',
  down: 'Move down',
  left: 'Move left',
  right: 'Move right',
  fire: 'Fire',
  scoreboard: 'Scoreboard',
  chat: 'Chat',
};

/** A key code as people read it: KeyW -> W, ArrowUp -> ↑, Space -> Space. */
export function keyLabel(code: string): string {
  const arrows: Record<string, string> = { ArrowUp: '↑', ArrowDown: '↓', ArrowLeft: '←', ArrowRight: '→' };
  if (arrows[code]) return arrows[code];
  if (/^Key[A-Z]$/.test(code)) return code.slice(3);
  if (/^Digit\d$/.test(code)) return code.slice(5);
  return code;
}

/** Binds `code` as the first key of `action`, keeping the other keys (and removing `code` from other actions). */
export function rebind(bindings: KeyBindings, action: BindableAction, code: string): KeyBindings {
  const out = {} as Record<BindableAction, readonly string[]>;
  for (const a of BINDABLE_ACTIONS) {
    const rest = bindings[a].filter((c) => c !== code);
    out[a] = a === action ? [code, ...rest.slice(1)] : rest.length > 0 ? rest : bindings[a];
  }
  return out;
}

/** Wires the settings card; `onKeys` receives new bindings when they change. */
export class SettingsPanel {
  private readonly list = byId('key-bindings', HTMLUListElement);
  private waiting: { action: BindableAction; button: HTMLButtonElement } | null = null;

  constructor(
    private readonly sounds: SoundBoard,
    private readonly onKeys: (keys: KeyBindings) => void,
  ) {
    const volume = byId('volume', HTMLInputElement);
    const mute = byId('mute', HTMLInputElement);
    volume.value = String(Math.round(sounds.volume * 100));
    mute.checked = sounds.muted;
    volume.addEventListener('input', () => {
      sounds.volume = Number(volume.value) / 100;
    });
    volume.addEventListener('change', () => sounds.play('click'));
    mute.addEventListener('change', () => {
      sounds.muted = mute.checked;
    });
    byId('reset-keys', HTMLButtonElement).addEventListener('click', () => this.save(DEFAULT_KEY_BINDINGS));
    window.addEventListener('keydown', (e) => this.onKey(e), true);
    this.render(loadSettings().keys);
  }

  /** Re-reads mute and volume (after the M key or the in-game button changed them). */
  sync(): void {
    byId('mute', HTMLInputElement).checked = this.sounds.muted;
    byId('volume', HTMLInputElement).value = String(Math.round(this.sounds.volume * 100));
  }

  private render(keys: KeyBindings): void {
    const rows = BINDABLE_ACTIONS.map((action) => {
      const li = document.createElement('li');
      const name = document.createElement('span');
      name.textContent = LABELS[action];
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'small key-button';
      button.dataset.action = action;
      button.textContent = keys[action].map(keyLabel).join(' / ');
      button.addEventListener('click', () => {
        this.waiting = { action, button };
        button.textContent = 'Press a key…';
      });
      li.append(name, button);
      return li;
    });
    this.list.replaceChildren(...rows);
  }

  private onKey(e: KeyboardEvent): void {
    const w = this.waiting;
    if (!w) return;
    e.preventDefault();
    e.stopPropagation();
    this.waiting = null;
    const keys = loadSettings().keys;
    this.save(e.code === 'Escape' ? keys : rebind(keys, w.action, e.code));
  }

  private save(keys: KeyBindings): void {
    const saved = updateSettings({ keys }).keys;
    this.render(saved);
    this.onKeys(saved);
  }
}
