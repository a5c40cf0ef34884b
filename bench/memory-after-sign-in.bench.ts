/**
 * Item 15, memory after sign-in: the harness process (Node: core in-process plus the HTTP server)
 * and the renderer page's JavaScript heap, once the administrator has signed in and the home page
 * shows. Baselines in the same run: a bare node:http server process started the same way (tsx
 * loader, same flags), and the static sign-in page's heap in the same browser.
 *
 *   npx tsx bench/memory-after-sign-in.bench.ts
 */
import type { Page } from '@playwright/test';
import {
  ensureRenderer,
  installSignInProbe,
  jsHeap,
  launchChromium,
  newColdContext,
  waitForSignIn,
} from './support/browser';
import { dataDirWithAdmin } from './support/harness-data';
import { isEntryPoint, mb, printTable, ratio, writeResult } from './support/report';
import { startServerChild, type MemorySample } from './support/servers';

const settleMs = 1_000;

interface PageHeap {
  asIs: { used: number; total: number };
  afterGc: { used: number; total: number };
}

async function pageHeap(page: Page): Promise<PageHeap> {
  const asIs = await jsHeap(page, false);
  const afterGc = await jsHeap(page, true);
  return { asIs, afterGc };
}

export interface MemoryResult {
  harnessIdle: MemorySample;
  harnessAfterSignIn: MemorySample;
  baselineServer: MemorySample;
  appPage: PageHeap;
  baselinePage: PageHeap;
  chunksLoadedAtSignIn: string[];
}

export async function runMemoryBench(): Promise<MemoryResult> {
  const renderer = ensureRenderer();
  console.log(`memory-after-sign-in: renderer ${renderer.dir}`);
  const data = dataDirWithAdmin();
  const harness = await startServerChild(['harness', renderer.dir, data.dataDir]);
  const baselineServer = await startServerChild(['static']);
  const browser = await launchChromium();
  try {
    const harnessIdle = await harness.memory();

    const baselineContext = await newColdContext(browser);
    await installSignInProbe(baselineContext);
    const baselinePageHandle = await baselineContext.newPage();
    await baselinePageHandle.goto(baselineServer.url);
    await waitForSignIn(baselinePageHandle);
    await baselinePageHandle.waitForTimeout(settleMs);
    const baselinePage = await pageHeap(baselinePageHandle);
    const baselineMemory = await baselineServer.memory();
    await baselineContext.close();

    const context = await newColdContext(browser);
    await installSignInProbe(context);
    const page = await context.newPage();
    await page.goto(harness.url);
    await waitForSignIn(page);
    const chunksLoadedAtSignIn: string[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') {
        chunksLoadedAtSignIn.push(new URL(response.url()).pathname);
      }
    });
    await page.locator('input[name=username]').fill(data.username);
    await page.locator('input[name=password]').fill(data.password);
    await page.getByRole('button', { name: 'دخول', exact: true }).click();
    await page.getByTestId('current-user').waitFor({ state: 'visible', timeout: 30_000 });
    await page.getByTestId('count-active-users').waitFor({ state: 'visible', timeout: 30_000 });
    await page.waitForTimeout(settleMs);
    const appPage = await pageHeap(page);
    const harnessAfterSignIn = await harness.memory();
    await context.close();

    const result: MemoryResult = {
      harnessIdle,
      harnessAfterSignIn,
      baselineServer: baselineMemory,
      appPage,
      baselinePage,
      chunksLoadedAtSignIn,
    };
    report(result);
    const written = writeResult('memory-after-sign-in', result);
    console.log(`\n  results: ${written}`);
    return result;
  } finally {
    await browser.close();
    await harness.stop();
    await baselineServer.stop();
    data.dispose();
  }
}

function report(result: MemoryResult): void {
  const app = result.harnessAfterSignIn;
  const idle = result.harnessIdle;
  const base = result.baselineServer;
  const gc = (sample: MemorySample): NodeJS.MemoryUsage => sample.afterGc ?? sample.asIs;
  // `before` is absent for the page: it has no 'before any page' state.
  const row = (label: string, value: number, baseline: number, before?: number): string[] => [
    label,
    mb(value),
    before === undefined ? '' : mb(before),
    mb(baseline),
    ratio(value, baseline),
    mb(value - baseline),
  ];
  printTable(
    'Memory after the administrator signed in (home page shown, then 1 s to settle)',
    ['measure', 'after sign-in', 'before any page', 'baseline', 'x baseline', 'minus baseline'],
    [
      row('harness process: RSS', app.asIs.rss, base.asIs.rss, idle.asIs.rss),
      row(
        'harness process: V8 heap used (after GC)',
        gc(app).heapUsed,
        gc(base).heapUsed,
        gc(idle).heapUsed,
      ),
      row(
        'harness process: V8 heap used (as is)',
        app.asIs.heapUsed,
        base.asIs.heapUsed,
        idle.asIs.heapUsed,
      ),
      row(
        'harness process: V8 heap total',
        app.asIs.heapTotal,
        base.asIs.heapTotal,
        idle.asIs.heapTotal,
      ),
      row(
        'harness process: external (incl. buffers)',
        app.asIs.external,
        base.asIs.external,
        idle.asIs.external,
      ),
      row(
        'renderer page: JS heap used (after GC)',
        result.appPage.afterGc.used,
        result.baselinePage.afterGc.used,
      ),
      row(
        'renderer page: JS heap used (as is)',
        result.appPage.asIs.used,
        result.baselinePage.asIs.used,
      ),
      row(
        'renderer page: JS heap total',
        result.appPage.asIs.total,
        result.baselinePage.asIs.total,
      ),
    ],
  );
  console.log(
    '\n  The harness process holds core AND the HTTP server, with the tsx loader; in the app core runs\n' +
      '  in a worker thread of the main process and the HTTP server does not exist. Baseline process:\n' +
      '  a bare node:http server started the same way (node --import tsx --expose-gc).\n' +
      '  Baseline page: the static sign-in page (no script) in the same browser.',
  );
  console.log(
    `  scripts loaded by signing in: ${result.chunksLoadedAtSignIn.join(', ') || 'none'}`,
  );
}

if (isEntryPoint(import.meta.url)) {
  await runMemoryBench();
}
