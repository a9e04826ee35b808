/** Which keyboard keys (KeyboardEvent.code) trigger which game action, with defaults and validation. */
import { Key } from '../../protocol/index.js';

/** The actions a player can bind keys to. */
export const BINDABLE_ACTIONS = ['up', 'down', 'left', 'right', 'fire', 'scoreboard', 'chat'] as const;
/** One bindable action. */
export type BindableAction = (typeof BINDABLE_ACTIONS)[number];
/** Every action with the key codes bound to it. */
export type KeyBindings = Readonly<Record<BindableAction, readonly string[]>>;

/** Most keys one action may have. */
export const MAX_KEYS_PER_ACTION = 4;

/** WASD and arrows to move, Space to fire, Tab for scores, Enter (either one) to chat. */
export const DEFAULT_KEY_BINDINGS: KeyBindings = Object.freeze({
  up: Object.freeze(['KeyW', 'ArrowUp']),
  down: Object.freeze(['KeyS', 'ArrowDown']),
  left: Object.freeze(['KeyA', 'ArrowLeft']),
  right: Object.freeze(['KeyD', 'ArrowRight']),
  fire: Object.freeze(['Space']),
  scoreboard: Object.freeze(['Tab']),
  chat: Object.freeze(['Enter', 'NumpadEnter']),
});

const MOVE_BITS: Readonly<Partial<Record<BindableAction, number>>> = {
  up: Key.Up,
  down: Key.Down,
  left: Key.Left,
  right: Key.Right,
  fire: Key.Fire,
};

const CODE = /^[A-Za-z][A-Za-z0-9]{0,31}$/;

/** Key codes of one action from untrusted data: valid distinct codes, else the action's defaults. */
function codesOf(raw: unknown, fallback: readonly string[]): readonly string[] {
  if (!Array.isArray(raw)) return fallback;
  const codes = [...new Set(raw.filter((c): c is string => typeof c === 'string' && CODE.test(c)))];
  return codes.length > 0 ? codes.slice(0, MAX_KEYS_PER_ACTION) : fallback;
}

/** Bindings from untrusted data (e.g. read back from storage): each bad or missing action gets its defaults. */
export function parseKeyBindings(raw: unknown): KeyBindings {
  const obj = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const out = {} as Record<BindableAction, readonly string[]>;
  for (const action of BINDABLE_ACTIONS) out[action] = codesOf(obj[action], DEFAULT_KEY_BINDINGS[action]);
  return out;
}

/** Key code -> protocol `Key` bit for the movement and fire actions (what the keyboard controls look up). */
export function keyBitsOf(bindings: KeyBindings): Readonly<Record<string, number>> {
  const bits: Record<string, number> = {};
  for (const action of BINDABLE_ACTIONS) {
    const bit = MOVE_BITS[action];
    if (bit === undefined) continue;
    for (const code of bindings[action]) bits[code] = (bits[code] ?? 0) | bit;
  }
  return bits;
}

/** The action a key code is bound to first (in BINDABLE_ACTIONS order), or undefined. */
export function actionOf(bindings: KeyBindings, code: string): BindableAction | undefined {
  return BINDABLE_ACTIONS.find((a) => bindings[a].includes(code));
}
