import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { FrameSample } from '../../game-client/automation.js';
import { Session } from '../../game-client/net/session.js';
import type { RunningServer } from '../../game-server/net/server.js';
import {
  ARENA_LARGE,
  ArenaId,
  joinQuery,
  Key,
  movePlayer,
  type Point,
  WS_PATH,
} from '../../protocol/index.js';
import {
  CHROMIUM,
  CLIENT_DIST_DIR,
  collectPageErrors,
  saveScreenshot,
  tickfireState,
  useChromium,
  waitForTickfire,
} from '../helpers/browser.js';
import { quietRoom, useSessions, welcomed } from '../helpers/sessions.js';
import { useHarness } from '../helpers/test-server.js';
import { nodeSocket } from '../helpers/ws-socket.js';

/** The remote player walks this far each way, in ms of holding a key. */
const LEG_MS = 900;
/** SnapshotBuffer's default bound on extrapolation, ms: past it a frame holds the last position. */
const MAX_EXTRAPOLATE_MS = 100;

/** Reads the page's frame trace for `ms`, merging polls by frame number (the page keeps the last 600). */
async function recordTrace(page: Page, ms: number): Promise<FrameSample[]> {
  const byN = new Map<number, FrameSample>();
  const until = Date.now() + ms;
  while (Date.now() < until) {
    await page.waitForTimeout(400);
    const t = await tickfireState(page);
    for (const f of t.net?.trace ?? []) byN.set(f.n, f);
  }
  return [...byN.values()].sort((a, b) => a.n - b.n);
}

/** A spot with room to walk `px` both ways horizontally (no wall), found by walking the shared rules. */
function openLane(server: RunningServer, code: string, px: number): Point {
  const arena = server.registry.get(code)!.world.arena;
  for (let y = 100; y < arena.height - 100; y += 37) {
    for (let x = px + 40; x < arena.width - px - 40; x += 53) {
      let p: Point = { x, y };
      let ok = true;
      for (let i = 0; i < 40 && ok; i++) {
        const q = movePlayer(p, Key.Right, 1 / 30, arena);
        ok = q.x > p.x && q.y === p.y;
        p = q;
      }
      for (let i = 0; i < 80 && ok; i++) {
        const q = movePlayer(p, Key.Left, 1 / 30, arena);
        ok = q.x < p.x && q.y === p.y;
        p = q;
      }
      if (ok) return { x, y };
    }
  }
  throw new Error('no open lane');
}

describe.skipIf(CHROMIUM.skipReason !== null)('netcode in Chromium at 150 ms simulated RTT', () => {
  const harness = useHarness();
  const browser = useChromium();
  const { track } = useSessions();

  it('a key press shows on the next frame; a remote player moves without still frames', async () => {
    const server = await harness.start({ staticDir: CLIENT_DIST_DIR });
    const page = await browser().newPage({ viewport: { width: 480, height: 320 } });
    const errors = collectPageErrors(page);
    // A room built through the registry: no bots, no warmup, so only the two players below move.
    const code = quietRoom(server).code;
    await page.goto(`${harness.url(server, '/')}?name=Local&net=delay:150#/room/${code}`);
    const joined = await waitForTickfire(page, (t) => t.connected && t.entities.length === 1);
    const myId = joined.playerId!;
    console.info(`[e2e-netcode] visibility ${await page.evaluate(() => document.visibilityState)}`);

    // The remote player: the real client netcode in Node, walking right and left in an open lane.
    const remote = track(
      new Session({
        url: `ws://127.0.0.1:${server.port}${WS_PATH}?${joinQuery('Remote', { kind: 'code', code })}`,
        socketFactory: nodeSocket,
      }),
    );
    const t0 = performance.now();
    remote.setInputSource(() => ({
      keys: Math.floor((performance.now() - t0) / LEG_MS) % 2 === 0 ? Key.Right : Key.Left,
      aimRad: 0,
    }));
    await welcomed(remote);
    const remoteId = remote.room!.playerId;
    const room = server.registry.get(code)!;
    const lane = openLane(server, code, 200);
    const rp = room.world.players.get(remoteId)!;
    [rp.x, rp.y] = [lane.x, lane.y];
    await waitForTickfire(page, (t) => t.entities.length === 2);

    // Local response: press a key and find the first frame that saw it held.
    const me = room.world.players.get(myId)!;
    const mine = openLane(server, code, 120);
    [me.x, me.y] = [mine.x, mine.y];
    await waitForTickfire(page, (t) => {
      const e = t.entities.find((x) => x.id === myId);
      return e !== undefined && Math.hypot(e.x - mine.x, e.y - mine.y) < 1;
    });
    await page.click('canvas', { position: { x: 10, y: 10 } });
    await page.keyboard.down('d');
    await waitForTickfire(page, (t) => (t.net?.trace ?? []).some((f) => (f.keys & Key.Right) !== 0));
    await page.waitForTimeout(200);
    const pressTrace = (await tickfireState(page)).net!.trace;
    await page.keyboard.up('d');
    const firstHeld = pressTrace.findIndex((f) => (f.keys & Key.Right) !== 0);
    const xOf = (f: FrameSample | undefined, id: number) => f?.entities.find((e) => e.id === id)?.x;
    const before = xOf(pressTrace[firstHeld - 1], myId)!;
    const at = xOf(pressTrace[firstHeld], myId)!;
    console.info(
      `[e2e-netcode] key press: x ${before.toFixed(2)} -> ${at.toFixed(2)} on the first frame with the key held (frame ${pressTrace[firstHeld]!.n}, ${(pressTrace[firstHeld]!.at - pressTrace[firstHeld - 1]!.at).toFixed(1)} ms after the previous)`,
    );
    expect(at).toBeGreaterThan(before);

    // Remote smoothness, over a window of frames.
    const trace = await recordTrace(page, 8000);
    const stats = (await tickfireState(page)).net!;
    let moving = 0;
    let still = 0;
    let sameTime = 0;
    let starved = 0;
    for (let i = 2; i < trace.length - 2; i++) {
      const [f0, f1] = [trace[i - 1]!, trace[i]!];
      if (f1.n !== f0.n + 1) continue;
      const x = [-2, -1, 0, 1, 2].map((d) => xOf(trace[i + d], remoteId));
      if (x.some((v) => v === undefined)) continue;
      // Moving: the position changes across the surrounding frames (turnarounds excluded).
      if (Math.abs(x[4]! - x[0]!) < 1) continue;
      if (f1.at - f0.at < 1) {
        sameTime += 1;
        continue;
      }
      moving += 1;
      if (Math.abs(x[2]! - x[1]!) >= 0.01) continue;
      // Held past the extrapolation bound: no snapshot had been handled for that long.
      if (f1.overrunMs > MAX_EXTRAPOLATE_MS) starved += 1;
      else still += 1;
    }
    const longestGap = Math.max(...trace.slice(1).map((f, i) => f.at - trace[i]!.at));
    const fps = trace.length / ((trace[trace.length - 1]!.at - trace[0]!.at) / 1000);
    console.info(
      `[e2e-netcode] remote: ${moving} moving frames, ${still} still while snapshots were at hand (${((100 * still) / Math.max(1, moving)).toFixed(2)}%), ${starved} held with no snapshot for over ${MAX_EXTRAPOLATE_MS} ms (${((100 * starved) / Math.max(1, moving)).toFixed(2)}%), longest frame gap ${longestGap.toFixed(0)} ms, ${sameTime} frames at the same time, ${fps.toFixed(1)} fps, RTT ${stats.rttMs.toFixed(1)} ms, interp ${stats.interpDelayMs.toFixed(0)} ms, underruns ${stats.underruns}, extrapolated ${stats.extrapolatedFrames}`,
    );
    expect(moving).toBeGreaterThan(100);
    expect(still / moving).toBeLessThan(0.02);
    expect(errors).toEqual([]);
  }, 90_000);

  it('draws the room’s own arena: a large-arena room shows its far corner', async () => {
    const server = await harness.start({ staticDir: CLIENT_DIST_DIR });
    const large = quietRoom(server, 'large', ArenaId.Large);
    const page = await browser().newPage({ viewport: { width: 480, height: 320 } });
    const errors = collectPageErrors(page);
    await page.goto(`${harness.url(server, '/')}?name=Far#/room/${large.code}`);
    const joined = await waitForTickfire(page, (t) => t.connected && t.entities.length === 1);
    const me = large.world.players.get(joined.playerId!)!;
    const far = { x: ARENA_LARGE.width - 200, y: ARENA_LARGE.height - 200 };
    [me.x, me.y] = [far.x, far.y];
    await waitForTickfire(page, (t) => t.entities.some((e) => Math.hypot(e.x - far.x, e.y - far.y) < 1));
    await page.waitForTimeout(300);
    const shot = await saveScreenshot(page, 'e2e-large-arena-corner');
    console.info(`[e2e-netcode] large arena: own player drawn at ${far.x}, ${far.y}; screenshot ${shot}`);
    expect(errors).toEqual([]);
  }, 60_000);
});
