import { describe, expect, it } from 'vitest';
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

describe.skipIf(CHROMIUM.skipReason !== null)('a phone in landscape with touch (Chromium)', () => {
  const harness = useHarness();
  const browser = useChromium();

  it('reaches the game and moves the player with the left touch stick', async () => {
    const server = await harness.start({ staticDir: CLIENT_DIST_DIR });
    const context = await browser().newContext({
      viewport: { width: 844, height: 390 },
      hasTouch: true,
      isMobile: true,
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(`${harness.url(server, '/')}?name=Pip`);
    await page.tap('#quick-play');
    const joined = await waitForTickfire(page, (t) => t.connected && own(t) !== undefined);
    await page.waitForSelector('.touch-controls:not([hidden])');
    const zone = await page.locator('.touch-move').boundingBox();
    if (!zone) throw new Error('no move stick');

    const before = own(joined)!;
    const dir = before.x < 1000 ? 1 : -1;
    const x0 = Math.round(zone.x + zone.width * 0.4);
    const y0 = Math.round(zone.y + zone.height * 0.6);
    const cdp = await context.newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: type === 'touchEnd' ? [] : [{ x, y: y0, id: 1, radiusX: 4, radiusY: 4, force: 1 }],
      });
    await touch('touchStart', x0);
    for (let i = 1; i <= 6; i++) await touch('touchMove', x0 + dir * i * 12);
    const moved = await waitForTickfire(
      page,
      (t) => Math.abs((own(t)?.x ?? before.x) - before.x) > 60,
      10_000,
    );
    expect(Math.sign(own(moved)!.x - before.x)).toBe(dir);
    await docScreenshot(page, 'phone');
    await touch('touchEnd', 0);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
