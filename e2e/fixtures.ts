import { test as base, type Page } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startHarness, type RunningHarness } from '../src/harness/harness-server';

export const artifactsDir = join(import.meta.dirname, 'artifacts');

/** Each test gets its own harness (the built renderer + core) on a fresh data folder. */
export const test = base.extend<{ harness: RunningHarness }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixture's dependencies from this pattern.
  harness: async ({}, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'maktab-e2e-'));
    const harness = await startHarness({ rendererDir: 'out/renderer', dataDir, port: 0 });
    await use(harness);
    await harness.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(artifactsDir, { recursive: true });
  // From the top, so the fixed app bar is where the user sees it and not across the page.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true });
}

export { expect } from '@playwright/test';
