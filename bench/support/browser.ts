import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import playwrightConfig from '../../playwright.config';
import { projectRoot } from './report';

/**
 * The built renderer the harness serves: MAKTAB_RENDERER_DIR (as for `npm run harness`) or
 * out/renderer, built with `npx electron-vite build` when missing or when MAKTAB_REBUILD=1.
 */
export function ensureRenderer(): { dir: string; builtAt: Date; staleFiles: string[] } {
  const custom = process.env.MAKTAB_RENDERER_DIR;
  const dir = resolve(projectRoot, custom ?? 'out/renderer');
  const index = join(dir, 'index.html');
  if (!custom && (!existsSync(index) || process.env.MAKTAB_REBUILD === '1')) {
    console.log('  building the renderer: npx electron-vite build');
    execSync('npx electron-vite build', { cwd: projectRoot, stdio: 'inherit' });
  }
  if (!existsSync(index)) throw new Error(`no built renderer in ${dir}`);
  const builtAt = statSync(index).mtime;
  const staleFiles = newerThan(join(projectRoot, 'src/renderer'), builtAt).concat(
    newerThan(join(projectRoot, 'src/shared'), builtAt),
  );
  return { dir, builtAt, staleFiles };
}

function newerThan(dir: string, time: Date): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...newerThan(path, time));
    else if (!entry.name.includes('.test.') && statSync(path).mtime > time) found.push(path);
  }
  return found;
}

/** Debian's Chromium with the flags of playwright.config.ts (TOOLCHAIN.md). */
export function launchChromium(): Promise<Browser> {
  const launch = playwrightConfig.use?.launchOptions ?? {};
  return chromium.launch({
    ...launch,
    executablePath: launch.executablePath ?? '/usr/bin/chromium',
  });
}

/** A fresh context: its own empty HTTP and code caches, the viewport and locale of the e2e tests. */
export function newColdContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({
    viewport: playwrightConfig.use?.viewport ?? { width: 1366, height: 768 },
    locale: playwrightConfig.use?.locale ?? 'ar-MA',
  });
}

export const signInHeading = 'تسجيل الدخول';

interface ProbeWindow {
  __benchReadyAt?: number;
}

/**
 * Runs in the page before any of its scripts: notes `performance.now()` (milliseconds since the
 * navigation started) at the first DOM change after which the sign-in screen is interactive:
 * the heading is there, the username input is enabled and rendered (so it can take focus), and
 * the submit button is enabled. A string, not a function: tsx would wrap a function's inner
 * functions in a `__name` helper that does not exist in the page.
 */
const signInReadyProbe = `(() => {
  const heading = ${JSON.stringify(signInHeading)};
  const rendered = (element) =>
    element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden';
  const interactive = () => {
    const headings = document.querySelectorAll('h1, h2, h3, [role=heading]');
    if (!Array.from(headings).some((h) => (h.textContent || '').trim() === heading)) return false;
    const input = document.querySelector('input[name=username]');
    const button = document.querySelector('form button[type=submit]');
    return (
      !!input && !input.disabled && rendered(input) &&
      !!button && !button.disabled && button.getAttribute('aria-disabled') !== 'true' && rendered(button)
    );
  };
  const observer = new MutationObserver(() => {
    if (window.__benchReadyAt === undefined && interactive()) {
      window.__benchReadyAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true });
})();`;

export async function installSignInProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript(signInReadyProbe);
}

/** Waits for the probe, then checks with Playwright itself that the screen takes input. */
export async function waitForSignIn(page: Page): Promise<number> {
  await page.waitForFunction(() => (window as ProbeWindow).__benchReadyAt !== undefined, null, {
    polling: 'raf',
    timeout: 30_000,
  });
  const readyAt = await page.evaluate(() => (window as ProbeWindow).__benchReadyAt ?? NaN);
  const username = page.locator('input[name=username]');
  await username.focus();
  const focused = await username.evaluate((input) => document.activeElement === input);
  const enabled = await page.getByRole('button', { name: 'دخول', exact: true }).isEnabled();
  if (!focused || !enabled) throw new Error('the sign-in screen did not take input');
  return readyAt;
}

/** The page's JavaScript heap as Chromium counts it (CDP Performance.getMetrics), in bytes. */
export async function jsHeap(
  page: Page,
  collectGarbage: boolean,
): Promise<{ used: number; total: number }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    if (collectGarbage) await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string): number => metrics.find((m) => m.name === name)?.value ?? NaN;
    return { used: metric('JSHeapUsedSize'), total: metric('JSHeapTotalSize') };
  } finally {
    await cdp.detach();
  }
}
