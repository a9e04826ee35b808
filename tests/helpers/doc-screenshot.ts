/** Screenshots for the README: written to docs/screenshots with TICKFIRE_SCREENSHOTS=1, else to test-artifacts. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS_DIR } from './browser.js';

/** Where the README's screenshots live. */
export const DOCS_SCREENSHOTS_DIR = join(new URL('../..', import.meta.url).pathname, 'docs/screenshots');

/** Saves a PNG of the page as `name`.png and returns its path. */
export async function docScreenshot(page: Page, name: string): Promise<string> {
  const dir = process.env.TICKFIRE_SCREENSHOTS === '1' ? DOCS_SCREENSHOTS_DIR : ARTIFACTS_DIR;
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, type: 'png' });
  return path;
}
