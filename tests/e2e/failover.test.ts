/**
 * Failover in Chromium (issue 6): a page served by node B plays in a room hosted by node A; A is
 * killed with SIGKILL. The page shows the reconnecting overlay, its resume fails (A is gone), and it
 * is matched into a new room on B with the rematch message in chat.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REMATCH_MESSAGE } from '../../game-client/net/reconnect.js';
import {
  CHROMIUM,
  collectPageErrors,
  saveScreenshot,
  useChromium,
  waitForTickfire,
} from '../helpers/browser.js';
import { freePort, REDIS_SERVER, startRedis, type TestRedis } from '../helpers/redis-server.js';
import {
  buildServerIfStale,
  fetchJson,
  type ServerProcess,
  startClusterNode,
  stopServerProcess,
} from '../helpers/server-process.js';

interface RoomInfo {
  readonly code: string;
  readonly url: string;
}

const roomOn = (node: ServerProcess, code: string) => fetchJson(`${node.url}/api/rooms/${code}`);

describe.skipIf(CHROMIUM.skipReason !== null || REDIS_SERVER.skipReason !== null)(
  'failover after a server process is killed (Chromium, real cluster)',
  () => {
    const browser = useChromium();
    let redis: TestRedis;
    const nodes: ServerProcess[] = [];

    beforeAll(async () => {
      buildServerIfStale();
      redis = await startRedis(REDIS_SERVER.path ?? 'redis-server');
    });
    afterAll(async () => {
      await Promise.all(nodes.map((n) => stopServerProcess(n)));
      await redis?.stop();
    });

    it('shows the overlay, then lands in a new room on the surviving node with the rematch message', async () => {
      const [portA, portB] = [await freePort(), await freePort()];
      const origins = `http://127.0.0.1:${portA},http://127.0.0.1:${portB}`;
      const start = async (id: string, port: number) => {
        const node = await startClusterNode(redis.url, port, id, ['--allowed-origins', origins]);
        nodes.push(node);
        return node;
      };
      // A alone first, so the room it creates is certainly hosted by A.
      const a = await start('a-doomed', portA);
      const created = await fetch(`${a.url}/api/rooms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Doomed' }),
      });
      expect(created.status).toBe(201);
      const { code } = (await created.json()) as RoomInfo;
      const b = await start('b-survivor', portB);
      expect(await roomOn(b, code)).toMatchObject({ status: 200, body: { code, url: a.url } });

      // The page comes from B; the preflight seats it on A, so its socket lives on A.
      const page = await browser().newPage({ viewport: { width: 1000, height: 650 } });
      const errors = collectPageErrors(page);
      await page.goto(`${b.url}/?name=Fay#/room/${code}`);
      const before = await waitForTickfire(
        page,
        (t) => t.connected && t.roomCode === code && t.playerId !== null && t.tick > 0,
        20_000,
      );

      // The overlay may be up only briefly (the resume is refused quickly): record it in the page.
      await page.evaluate(() => {
        const seen = { overlay: '', reconnecting: false };
        (window as unknown as { failoverSeen: typeof seen }).failoverSeen = seen;
        const check = () => {
          const o = document.getElementById('reconnect-overlay');
          if (!seen.overlay && o?.checkVisibility()) seen.overlay = o.textContent ?? '';
          if (window.tickfire.reconnecting && !window.tickfire.connected) seen.reconnecting = true;
        };
        new MutationObserver(check).observe(document.body, {
          subtree: true,
          childList: true,
          attributes: true,
          characterData: true,
        });
        const frame = () => {
          check();
          requestAnimationFrame(frame);
        };
        frame();
      });
      await stopServerProcess(a, 'SIGKILL');
      const readSeen = () =>
        page.evaluate(
          () =>
            (window as unknown as { failoverSeen: { overlay: string; reconnecting: boolean } }).failoverSeen,
        );
      const deadline = Date.now() + 15_000;
      let seen = await readSeen();
      while (!(seen.overlay && seen.reconnecting) && Date.now() < deadline) {
        await page.waitForTimeout(30);
        seen = await readSeen();
      }
      expect(seen.reconnecting).toBe(true);
      expect(seen.overlay).toContain('Reconnecting');

      // B refuses the resume (410: A never announced the held seat), so the client matches again;
      // once A's room has expired from the directory, quick play seats it in a new room on B.
      const after = await waitForTickfire(
        page,

        (t) => t.connected && !t.reconnecting && t.roomCode !== null && t.roomCode !== code && t.tick > 0,
        40_000,
      );
      expect(await roomOn(b, after.roomCode!)).toMatchObject({
        status: 200,
        body: { code: after.roomCode, url: b.url },
      });
      expect((await roomOn(b, code)).status).toBe(404);
      expect(await page.isVisible('#reconnect-overlay')).toBe(false);
      expect(await page.textContent('#chat-log')).toContain(REMATCH_MESSAGE);
      await saveScreenshot(page, 'e2e-failover');
      expect(before.roomCode).toBe(code);
      // Failed fetches and socket errors towards the dead node are expected; nothing else may fail.
      expect(
        errors.filter((e) => !/WebSocket|ERR_CONNECTION|Failed to load|Failed to fetch|CORS/.test(e)),
      ).toEqual([]);
    }, 75_000);
  },
);
