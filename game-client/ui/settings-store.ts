/** The player's settings (name, sound, key bindings) kept in localStorage and validated when read back. */
import { cleanText, MAX_NAME_LENGTH } from '../../protocol/index.js';
import { DEFAULT_KEY_BINDINGS, type KeyBindings, parseKeyBindings } from './key-bindings.js';

/** Where the settings live in localStorage. */
export const SETTINGS_KEY = 'tickfire.settings';
/** Where older versions kept the name alone (read once if the settings have none). */
export const LEGACY_NAME_KEY = 'tickfire.name';

/** Everything remembered between visits. */
export interface Settings {
  readonly name: string;
  /** Master volume in [0, 1]. */
  readonly volume: number;
  readonly muted: boolean;
  readonly keys: KeyBindings;
}

/** The part of the Web Storage API used here (so tests can pass a plain object). */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Settings of a first visit. */
export const DEFAULT_SETTINGS: Settings = Object.freeze({
  name: '',
  volume: 0.7,
  muted: false,
  keys: DEFAULT_KEY_BINDINGS,
});

/** The browser's localStorage, or null where it is missing or refused (private mode, sandboxed frames). */
export function browserStorage(): StorageLike | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/**
 * A player name as the server will see it: cut to MAX_NAME_LENGTH code points first (cleanText refuses
 * long text rather than shortening it), then cleaned like the server does; '' if nothing usable is left.
 */
export function cleanName(raw: string): string {
  const r = cleanText([...raw.trim()].slice(0, MAX_NAME_LENGTH).join(''), MAX_NAME_LENGTH);
  return r.ok ? r.text : '';
}

const nameOf = (v: unknown) => (typeof v === 'string' ? cleanName(v) : '');
const volumeOf = (v: unknown) =>
  typeof v === 'number' && Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : DEFAULT_SETTINGS.volume;

/** Settings from untrusted data: every missing or invalid field takes its default. */
export function parseSettings(raw: unknown): Settings {
  const obj =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  return {
    name: nameOf(obj.name),
    volume: volumeOf(obj.volume),
    muted: typeof obj.muted === 'boolean' ? obj.muted : DEFAULT_SETTINGS.muted,
    keys: parseKeyBindings(obj.keys),
  };
}

function read(storage: StorageLike, key: string): string | null {
  try {
    return storage.getItem(key);
  } catch {
    return null;
  }
}

/** The saved settings; defaults for anything missing, corrupt or unreadable. Never throws. */
export function loadSettings(storage: StorageLike | null = browserStorage()): Settings {
  if (!storage) return DEFAULT_SETTINGS;
  let raw: unknown = null;
  try {
    raw = JSON.parse(read(storage, SETTINGS_KEY) ?? 'null');
  } catch {
    raw = null;
  }
  const settings = parseSettings(raw);
  return settings.name ? settings : { ...settings, name: nameOf(read(storage, LEGACY_NAME_KEY)) };
}

/** Saves `settings` (validated first); false when storage is missing or refuses. Never throws. */
export function saveSettings(settings: Settings, storage: StorageLike | null = browserStorage()): boolean {
  if (!storage) return false;
  try {
    storage.setItem(SETTINGS_KEY, JSON.stringify(parseSettings(settings)));
    return true;
  } catch {
    return false;
  }
}

/** Loads, applies `change` and saves; returns the settings now in effect (even if saving failed). */
export function updateSettings(
  change: Partial<Settings>,
  storage: StorageLike | null = browserStorage(),
): Settings {
  const next = parseSettings({ ...loadSettings(storage), ...change });
  saveSettings(next, storage);
  return next;
}
