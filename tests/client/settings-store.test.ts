import { describe, expect, it } from 'vitest';
import {
  actionOf,
  DEFAULT_KEY_BINDINGS,
  keyBitsOf,
  MAX_KEYS_PER_ACTION,
  parseKeyBindings,
} from '../../game-client/ui/key-bindings.js';
import {
  DEFAULT_SETTINGS,
  LEGACY_NAME_KEY,
  loadSettings,
  parseSettings,
  SETTINGS_KEY,
  saveSettings,
  updateSettings,
} from '../../game-client/ui/settings-store.js';
import { Key } from '../../protocol/index.js';
import { FakeStorage } from '../helpers/fake-audio.js';

const stored = (text: string) => {
  const s = new FakeStorage();
  s.items.set(SETTINGS_KEY, text);
  return s;
};

describe('loadSettings', () => {
  it.each<[string, string, Partial<typeof DEFAULT_SETTINGS>]>([
    ['corrupt JSON', '{"volume": 0.2', {}],
    ['JSON null', 'null', {}],
    ['an array', '[1,2]', {}],
    ['a string', '"hello"', {}],
    ['good values', '{"name":"Ace","volume":0.3,"muted":true}', { name: 'Ace', volume: 0.3, muted: true }],
    ['volume too loud', '{"volume":7}', { volume: 1 }],
    ['volume negative', '{"volume":-1}', { volume: 0 }],
    ['volume not a number', '{"volume":"loud"}', {}],
    ['muted not a boolean', '{"muted":"yes"}', {}],
    ['name not a string', '{"name":42}', {}],
    ['name too long, with spaces', '{"name":"  abcdefghijklmnopqrstuvwxyz  "}', { name: 'abcdefghijklmnop' }],
  ])('%s', (_, text, expected) => {
    expect(loadSettings(stored(text))).toEqual({ ...DEFAULT_SETTINGS, ...expected });
  });

  it('gives defaults without storage or when storage throws', () => {
    const failing = new FakeStorage();
    failing.failing = true;
    expect(loadSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(loadSettings(failing)).toEqual(DEFAULT_SETTINGS);
  });

  it('falls back to the name remembered by older versions', () => {
    const s = new FakeStorage();
    s.items.set(LEGACY_NAME_KEY, 'Old Timer');
    expect(loadSettings(s).name).toBe('Old Timer');
    s.items.set(SETTINGS_KEY, JSON.stringify({ name: 'New' }));
    expect(loadSettings(s).name).toBe('New');
  });
});

describe('saveSettings and updateSettings', () => {
  it('round-trips', () => {
    const s = new FakeStorage();
    const settings = { ...DEFAULT_SETTINGS, name: 'Zed', volume: 0.25, muted: true };
    expect(saveSettings(settings, s)).toBe(true);
    expect(loadSettings(s)).toEqual(settings);
  });

  it('validates before saving', () => {
    const s = new FakeStorage();
    saveSettings({ ...DEFAULT_SETTINGS, volume: 12 }, s);
    expect(JSON.parse(s.items.get(SETTINGS_KEY)!).volume).toBe(1);
  });

  it('updates one field and keeps the rest', () => {
    const s = new FakeStorage();
    updateSettings({ name: 'Kim' }, s);
    expect(updateSettings({ muted: true }, s)).toEqual({ ...DEFAULT_SETTINGS, name: 'Kim', muted: true });
    expect(loadSettings(s)).toEqual({ ...DEFAULT_SETTINGS, name: 'Kim', muted: true });
  });

  it('never throws when storage refuses', () => {
    const s = new FakeStorage();
    s.failing = true;
    expect(saveSettings(DEFAULT_SETTINGS, s)).toBe(false);
    expect(saveSettings(DEFAULT_SETTINGS, null)).toBe(false);
    expect(updateSettings({ volume: 0.5 }, s).volume).toBe(0.5);
  });
});

describe('key bindings', () => {
  it('defaults to WASD/arrows, Space, Tab and Enter', () => {
    expect(parseSettings(undefined).keys).toEqual(DEFAULT_KEY_BINDINGS);
    expect(keyBitsOf(DEFAULT_KEY_BINDINGS)).toEqual({
      KeyW: Key.Up,
      ArrowUp: Key.Up,
      KeyS: Key.Down,
      ArrowDown: Key.Down,
      KeyA: Key.Left,
      ArrowLeft: Key.Left,
      KeyD: Key.Right,
      ArrowRight: Key.Right,
      Space: Key.Fire,
    });
    expect(actionOf(DEFAULT_KEY_BINDINGS, 'Tab')).toBe('scoreboard');
    expect(actionOf(DEFAULT_KEY_BINDINGS, 'Enter')).toBe('chat');
    expect(actionOf(DEFAULT_KEY_BINDINGS, 'KeyQ')).toBeUndefined();
  });

  it.each<[string, unknown, Partial<Record<string, readonly string[]>>]>([
    ['not an object', 'WASD', {}],
    ['a custom binding', { up: ['KeyZ'] }, { up: ['KeyZ'] }],
    ['an empty list', { fire: [] }, {}],
    ['bad codes dropped', { fire: ['Mouse<1>', '', 5, 'KeyF'] }, { fire: ['KeyF'] }],
    ['duplicates removed', { left: ['KeyQ', 'KeyQ'] }, { left: ['KeyQ'] }],
    [
      'too many keys cut',
      { right: ['KeyA', 'KeyB', 'KeyC', 'KeyD', 'KeyE'] },
      { right: ['KeyA', 'KeyB', 'KeyC', 'KeyD'] },
    ],
    ['unknown actions ignored', { jump: ['Space'] }, {}],
  ])('%s', (_, raw, expected) => {
    expect(parseKeyBindings(raw)).toEqual({ ...DEFAULT_KEY_BINDINGS, ...expected });
    expect(parseKeyBindings(raw).right.length).toBeLessThanOrEqual(MAX_KEYS_PER_ACTION);
  });

  it('one key bound to two directions sets both bits', () => {
    const keys = parseKeyBindings({ up: ['KeyE'], right: ['KeyE'] });
    expect(keyBitsOf(keys).KeyE).toBe(Key.Up | Key.Right);
  });
});
