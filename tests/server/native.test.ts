import { describe, expect, it } from 'vitest';
import { assertNativeUws, uwsIsNative } from '../../game-server/native.js';
import { useHarness } from '../helpers/test-server.js';

const h = useHarness();

describe('native uWebSockets.js', () => {
  it('is the native addon, and /healthz says so', async () => {
    expect(uwsIsNative()).toBe(true);
    expect(() => assertNativeUws()).not.toThrow();
    const server = await h.start();
    const res = await fetch(h.url(server, '/healthz'));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, native: true, rooms: 0, players: 0 });
  });

  it('the guard throws for a non-native module', () => {
    const fallback = { App: () => ({}) };
    expect(() => assertNativeUws(fallback)).toThrow('uWebSockets.js native binary not loaded');
  });
});
