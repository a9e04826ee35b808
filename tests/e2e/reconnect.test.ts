import { afterAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM,
  CLIENT_DIST_DIR,
  collectPageErrors,
  saveScreenshot,
  useChromium,
  waitForTickfire,
} from '../helpers/browser.js';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy.js';
import { useHarness } from '../helpers/test-server.js';

describe.skipIf(CHROMIUM.skipReason !== null)('reconnecting after a dropped connection (Chromium)', () => {
  const harness = useHarness();
  const browser = useChromium();
  let proxy: TcpProxy | undefined;

  afterAll(async () => {
    await proxy?.close();
  });

  it('shows the overlay and resumes the same player id', async () => {
    const server = await harness.start({ staticDir: CLIENT_DIST_DIR });
    proxy = await startTcpProxy(server.port);
    const page = await browser().newPage({ viewport: { width: 1000, height: 650 } });
    const errors = collectPageErrors(page);
    await page.goto(`http://127.0.0.1:${proxy.port}/?name=Rita`);
    await page.click('#quick-play');
    const before = await waitForTickfire(page, (t) => t.connected && t.playerId !== null && t.tick > 0);

    proxy.cut(); // the TCP connection dies: the server sees 1006 and holds the seat
    const during = await waitForTickfire(page, (t) => t.reconnecting && !t.connected, 10_000);
    expect(during.playerId).toBe(before.playerId);
    expect(await page.isVisible('#reconnect-overlay')).toBe(true);
    expect(await page.textContent('#reconnect-overlay')).toContain('Reconnecting');
    await saveScreenshot(page, 'e2e-reconnecting');

    const after = await waitForTickfire(
      page,
      (t) => t.connected && !t.reconnecting && t.tick > before.tick,
      15_000,
    );
    expect(after.playerId).toBe(before.playerId);
    expect(after.roomCode).toBe(before.roomCode);
    expect(await page.isVisible('#reconnect-overlay')).toBe(false);
    expect(server.registry.get(before.roomCode!)?.isDetached(before.playerId!)).toBe(false);
    // The page's own socket error on the cut is expected; nothing else may fail.
    expect(errors.filter((e) => !/WebSocket|ERR_CONNECTION|Failed to load/.test(e))).toEqual([]);
  }, 60_000);
});
