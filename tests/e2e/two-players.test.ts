import { describe, expect, it } from 'vitest';
import type { TickfireDebug } from '../../game-client/automation.js';
import type { RunningServer } from '../../game-server/net/server.js';
import {
  CHROMIUM,
  CLIENT_DIST_DIR,
  collectPageErrors,
  saveScreenshot,
  tickfireState,
  useChromium,
  waitForTickfire,
} from '../helpers/browser.js';
import { useHarness } from '../helpers/test-server.js';

describe.skipIf(CHROMIUM.skipReason !== null)('two browsers in one room (Chromium)', () => {
  const harness = useHarness();
  const browser = useChromium();
  let server: RunningServer;
  let base: string;

  it('joins by code, and one player’s keyboard movement shows on the other page', async () => {
    server = await harness.start({ staticDir: CLIENT_DIST_DIR });
    base = harness.url(server, '/');
    const alice = await browser().newPage({ viewport: { width: 1100, height: 700 } });
    const bob = await browser().newPage({ viewport: { width: 1100, height: 700 } });
    const errors = collectPageErrors(bob, collectPageErrors(alice));

    await alice.goto(`${base}?name=Alice`);
    await alice.click('#create-room');
    const a = await waitForTickfire(
      alice,
      (t) => t.connected && t.roomCode !== null && t.entities.length === 1,
    );
    const code = a.roomCode!;
    expect(await alice.textContent('#share-link')).toContain(`/#/room/${code}`);

    await bob.goto(`${base}?name=Bob#/room/${code}`);
    const b = await waitForTickfire(bob, (t) => t.connected && t.entities.length === 2);
    expect(b.roomCode).toBe(code);
    await waitForTickfire(alice, (t) => t.entities.length === 2);

    const aliceId = a.playerId!;
    const before = (await tickfireState(bob)).entities.find((e) => e.id === aliceId)!;
    await alice.click('canvas');
    const key = before.x < 1000 ? 'd' : 'a';
    await alice.keyboard.down(key);
    const seen = (t: TickfireDebug) => t.entities.find((e) => e.id === aliceId);
    await waitForTickfire(bob, (t) => Math.abs((seen(t)?.x ?? before.x) - before.x) > 60, 10_000);
    await alice.keyboard.up(key);
    const moved = (await tickfireState(bob)).entities.find((e) => e.id === aliceId)!;
    expect(Math.abs(moved.y - before.y)).toBeLessThan(1);

    await saveScreenshot(alice, 'e2e-alice');
    await saveScreenshot(bob, 'e2e-bob');
    expect(errors).toEqual([]);
  }, 60_000);

  it('shows chat markup as literal text', async () => {
    server = await harness.start({ staticDir: CLIENT_DIST_DIR });
    const page = await browser().newPage();
    await page.goto(`${harness.url(server, '/')}?name=Mallory`);
    await page.click('#quick-play');
    await waitForTickfire(page, (t) => t.connected);
    // fill, not keyboard.type: one key at a time takes seconds while software rendering holds the page.
    await page.fill('#chat-input', '<img src=x onerror="window.pwned=1"><b>bold</b>');
    await page.press('#chat-input', 'Enter');
    await page.waitForFunction(() =>
      document.querySelector('#chat-log')?.textContent?.includes('<b>bold</b>'),
    );
    expect(await page.evaluate(() => document.querySelectorAll('#chat-log img, #chat-log b').length)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  }, 60_000);

  it('/mute hides a player’s chat in this browser only, /unmute shows it again', async () => {
    server = await harness.start({ staticDir: CLIENT_DIST_DIR });
    const base = harness.url(server, '/');
    const ann = await browser().newPage();
    const bob = await browser().newPage();
    const errors = collectPageErrors(bob, collectPageErrors(ann));
    await ann.goto(`${base}?name=Ann`);
    await ann.click('#create-room');
    const { roomCode } = await waitForTickfire(ann, (t) => t.connected && t.roomCode !== null);
    await bob.goto(`${base}?name=Bob#/room/${roomCode}`);
    await waitForTickfire(bob, (t) => t.connected && t.entities.length === 2);
    const say = async (page: typeof ann, line: string) => {
      await page.fill('#chat-input', line);
      await page.press('#chat-input', 'Enter');
    };
    const log = (page: typeof ann) => page.textContent('#chat-log');
    const seen = (page: typeof ann, text: string) =>
      page.waitForFunction((t) => document.querySelector('#chat-log')?.textContent?.includes(t), text);

    await say(bob, '/mute an');
    await seen(bob, 'Muted Ann');
    await say(ann, 'first from ann');
    await say(ann, 'second from ann');
    await seen(ann, 'second from ann');
    // Bob's own line after both proves the server delivered everything sent before it.
    await say(bob, 'bob was here');
    await seen(ann, 'bob was here');
    await seen(bob, 'bob was here');
    expect(await log(bob)).not.toContain('from ann');
    // Commands never leave the browser.
    expect(await log(ann)).not.toContain('/mute');

    await say(bob, '/unmute ann');
    await seen(bob, 'Unmuted Ann.');
    await say(ann, 'third from ann');
    await seen(bob, 'third from ann');
    await say(bob, '/dance');
    await seen(bob, 'Unknown command /dance.');
    expect(errors).toEqual([]);
  }, 60_000);

  it('a link to a missing room shows a clear error with a way back', async () => {
    server = await harness.start({ staticDir: CLIENT_DIST_DIR });
    const page = await browser().newPage();
    await page.goto(`${harness.url(server, '/')}?name=Zed#/room/ZZZZZZ`);
    await page.waitForSelector('#error-screen:not([hidden])');
    expect(await page.textContent('#error-message')).toMatch(/not found|no room/i);
    await page.click('#back-to-lobby');
    await page.waitForSelector('#lobby:not([hidden])');
  }, 60_000);
});
