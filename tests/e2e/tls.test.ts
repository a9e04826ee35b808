import { describe, expect, it } from 'vitest';
import {
  CHROMIUM,
  CLIENT_DIST_DIR,
  collectPageErrors,
  useChromium,
  waitForTickfire,
} from '../helpers/browser.js';
import { useHarness } from '../helpers/test-server.js';
import { fixtureTls } from '../helpers/tls-fixture.js';

describe.skipIf(CHROMIUM.skipReason !== null)('the game over https (Chromium)', () => {
  const harness = useHarness();
  const browser = useChromium();

  it('loads from https and plays over wss on the same origin', async () => {
    const server = await harness.start({ tls: fixtureTls(), staticDir: CLIENT_DIST_DIR });
    // The fixture certificate is self-signed: this page trusts it, as a player would after accepting it.
    const page = await browser().newPage({ ignoreHTTPSErrors: true });
    const errors = collectPageErrors(page);
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(ws.url()));
    await page.goto(`${harness.url(server, '/')}?name=Secure`);
    await page.click('#quick-play');
    const t = await waitForTickfire(page, (s) => s.connected && s.entities.length >= 1);
    expect(t.roomCode).not.toBeNull();
    expect(sockets.length).toBeGreaterThan(0);
    for (const url of sockets) expect(url).toMatch(new RegExp(`^wss://127\\.0\\.0\\.1:${server.port}/`));
    expect(errors).toEqual([]);
  }, 60_000);
});
