import { describe, expect, it } from 'vitest';
import type { TickfireDebug } from '../../game-client/automation.js';
import {
  CHROMIUM,
  CLIENT_DIST_DIR,
  collectPageErrors,
  own,
  useChromium,
  waitForTickfire,
} from '../helpers/browser.js';
import { docScreenshot } from '../helpers/doc-screenshot.js';
import { useHarness } from '../helpers/test-server.js';

describe.skipIf(CHROMIUM.skipReason !== null)('game features on desktop (Chromium)', () => {
  const harness = useHarness();
  const browser = useChromium();

  it('creates a team room with bots from the lobby, moves, shows the scoreboard, mutes, and a spectator watches', async () => {
    const server = await harness.start({ staticDir: CLIENT_DIST_DIR });
    const base = harness.url(server, '/');
    await fetch(harness.url(server, '/api/rooms'), {
      method: 'POST',
      body: JSON.stringify({ name: 'Lunch break', mode: 'ffa', bots: 0 }),
    });
    const page = await browser().newPage({ viewport: { width: 1000, height: 620 } });
    const errors = collectPageErrors(page);
    await page.goto(`${base}?name=Ada`);
    await page.waitForSelector('#room-list .room-row');
    expect(await page.textContent('#room-list')).toMatch(/Free-for-all/);
    await page.fill('#create-name', 'Friday frags');
    await page.selectOption('#create-mode', 'tdm');
    await page.fill('#create-bots', '4');
    await page.selectOption('#create-difficulty', 'easy');
    await docScreenshot(page, 'lobby');

    await page.click('#create-room');
    const joined = await waitForTickfire(page, (t) => t.connected && own(t) !== undefined);
    const code = joined.roomCode!;
    expect(await page.textContent('#share-link')).toContain(`/#/room/${code}`);
    // The lobby form became a team room filled up to 4 players with bots, and the page shows them all.
    expect(server.registry.get(code)?.info()).toMatchObject({
      name: 'Friday frags',
      mode: 'tdm',
      players: 1,
      bots: 3,
    });
    await waitForTickfire(page, (t) => t.entities.length === 4);

    const before = own(joined)!;
    await page.click('canvas');
    const key = before.x < 1000 ? 'd' : 'a';
    await page.keyboard.down(key);
    await waitForTickfire(page, (t) => Math.abs((own(t)?.x ?? before.x) - before.x) > 60, 10_000);
    await page.keyboard.up(key);
    await docScreenshot(page, 'game');

    // The scoreboard's PING column: the page's own reported round trip (Pings every 2 s), none for bots.
    const pinged = await waitForTickfire(
      page,
      (t) => (t.roster.find((r) => r.id === t.playerId)?.pingMs ?? 0) > 0,
    );
    expect(pinged.roster.filter((r) => r.bot)).toHaveLength(3);
    expect(pinged.roster.filter((r) => r.bot).every((r) => r.pingMs === 0)).toBe(true);
    await page.keyboard.down('Tab');
    await page.waitForTimeout(150);
    await docScreenshot(page, 'scoreboard');
    await page.keyboard.up('Tab');

    await page.keyboard.press('KeyM');
    expect(await page.getAttribute('#mute-button', 'aria-pressed')).toBe('true');
    const saved = await page.evaluate(() => localStorage.getItem('tickfire.settings'));
    expect(JSON.parse(saved ?? '{}')).toMatchObject({ muted: true, name: 'Ada' });

    const watcher = await browser().newPage({ viewport: { width: 900, height: 560 } });
    collectPageErrors(watcher, errors);
    await watcher.goto(`${base}?name=Watcher`);
    await watcher.click(`#room-list .room-row[data-code="${code}"] .watch`);
    const w = await waitForTickfire(
      watcher,
      (t) => t.connected && t.roomCode === code && t.entities.length > 0,
    );
    expect(own(w)).toBeUndefined();
    expect(await watcher.isVisible('#spectate-bar')).toBe(true);
    const ids = (t: TickfireDebug) => t.entities.map((e) => e.id);
    expect(ids(w)).toContain(joined.playerId);
    // The spectator acknowledges its States like a player, so it is sent deltas, not full frames.
    await watcher.waitForTimeout(300);
    const stats = server.registry.get(code)!.states.stats;
    const [full, deltas] = [stats.fullFrames, stats.deltaFrames];
    await watcher.waitForTimeout(1000);
    expect(stats.fullFrames).toBe(full);
    expect(stats.deltaFrames - deltas).toBeGreaterThan(40);
    await watcher.keyboard.press('KeyE');
    await docScreenshot(watcher, 'spectator');
    expect(errors).toEqual([]);
  }, 60_000);
});
