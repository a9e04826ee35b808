/** Debian's Chromium driven by playwright-core, plus page helpers for the e2e suites. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { TickfireDebug } from '../../game-client/automation.js';
import { systemBinary } from './system-binary.js';

/** Chromium on this machine (a loud skip locally, a failure under CI=true, when missing). */
export const CHROMIUM = systemBinary('chromium', 'apt-get install -y chromium', '/usr/bin/chromium');

/** The built client the e2e suites serve (`npm test` builds it when stale). */
export const CLIENT_DIST_DIR = join(new URL('../..', import.meta.url).pathname, 'dist/client');

/** Where screenshots of e2e runs go (git-ignored). */
export const ARTIFACTS_DIR = join(new URL('../..', import.meta.url).pathname, 'test-artifacts');

/** Starts headless Chromium with flags that keep it off the network. */
export function launchChromium(): Promise<Browser> {
  if (!CHROMIUM.path) throw new Error(CHROMIUM.skipReason ?? 'no chromium');
  return chromium.launch({
    executablePath: CHROMIUM.path,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** One Chromium for the calling suite: launched in beforeAll, closed in afterAll; call the result to get it. */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium is not running (useChromium outside a suite?)');
    return browser;
  };
}

/** Reads `window.tickfire` from a page. */
export function tickfireState(page: Page): Promise<TickfireDebug> {
  return page.evaluate(() => window.tickfire);
}

/**
 * Polls `window.tickfire` until `predicate` holds (checked in the test, since the page's CSP forbids
 * evaluating strings), failing after `timeoutMs` with the last state seen.
 */
export async function waitForTickfire(
  page: Page,
  predicate: (t: TickfireDebug) => boolean,
  timeoutMs = 15_000,
): Promise<TickfireDebug> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await tickfireState(page);
    if (predicate(state)) return state;
    if (Date.now() > deadline)
      throw new Error(`window.tickfire never matched; last: ${JSON.stringify(state)}`);
    await page.waitForTimeout(30);
  }
}

/** The page's own player as rendered, if it has one. */
export const own = (t: TickfireDebug) => t.entities.find((e) => e.id === t.playerId);

/** Saves a screenshot as a test artifact and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const path = join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/**
 * Collects page errors and console errors so a test can assert there were none. The returned array
 * (`into`, when given, so several pages can share one) fills as errors happen: keep it and assert at
 * the end, never copy it early.
 */
export function collectPageErrors(page: Page, into: string[] = []): string[] {
  const errors = into;
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return errors;
}
