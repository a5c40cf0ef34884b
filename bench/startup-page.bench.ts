/**
 * Item 15, start-up in Chromium and the JavaScript the first screen needs.
 *
 * Start-up: cold loads (a new browser context each time: empty HTTP and code caches) of the
 * harness page until the sign-in screen is interactive, on a data folder that already holds an
 * administrator; as a ratio to cold loads of a static page with the same heading, inputs and
 * button, served by a plain node:http server, in the same browser, interleaved with them.
 *
 * First-screen JavaScript: every script response of those loads that arrived before the screen
 * was interactive, gzipped at level 9; plus which lazy chunks did not load (admin pages, shell).
 *
 *   npx tsx bench/startup-page.bench.ts
 */
import type { Browser, Response } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import {
  ensureRenderer,
  installSignInProbe,
  launchChromium,
  newColdContext,
  waitForSignIn,
} from './support/browser';
import { dataDirWithAdmin } from './support/harness-data';
import {
  isEntryPoint,
  kb,
  ms,
  printTable,
  projectRoot,
  ratio,
  summarize,
  verdict,
  writeResult,
  type Summary,
} from './support/report';
import { startServerChild } from './support/servers';

const rounds = 5;
const startupTargetMs = 1000;
const firstScreenTargetBytes = 500 * 1024;
const gzipLevel = 9;

export interface ScriptLoad {
  path: string;
  bytes: number;
  gzipBytes: number;
  /** Finished loading before the sign-in screen was interactive (resource timing). */
  beforeReady: boolean;
  /** The harness's own transport (/__harness/api.js): the app has a preload instead. */
  harnessOnly: boolean;
}

interface ColdLoad {
  /** Navigation start to interactive sign-in screen, measured in the page. */
  readyMs: number;
  /** From the driver's goto() to the driver seeing the probe fire (includes polling). */
  driverMs: number;
  scripts: ScriptLoad[];
}

async function describeScript(response: Response): Promise<Omit<ScriptLoad, 'beforeReady'>> {
  const body = await response.body();
  const path = new URL(response.url()).pathname;
  return {
    path,
    bytes: body.length,
    gzipBytes: gzipSync(body, { level: gzipLevel }).length,
    harnessOnly: path.startsWith('/__harness/'),
  };
}

async function coldLoad(browser: Browser, url: string): Promise<ColdLoad> {
  const context = await newColdContext(browser);
  try {
    await installSignInProbe(context);
    const page = await context.newPage();
    const scripts: Promise<Omit<ScriptLoad, 'beforeReady'>>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'script') scripts.push(describeScript(response));
    });
    const start = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    const readyMs = await waitForSignIn(page);
    const driverMs = performance.now() - start;
    const finished = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((entry) => ({
        url: entry.name,
        responseEnd: (entry as PerformanceResourceTiming).responseEnd,
      })),
    );
    const finishedAt = new Map(
      finished.map((entry) => [new URL(entry.url).pathname, entry.responseEnd]),
    );
    const loaded = await Promise.all(scripts);
    return {
      readyMs,
      driverMs,
      scripts: loaded.map((script) => ({
        ...script,
        beforeReady: (finishedAt.get(script.path) ?? 0) <= readyMs,
      })),
    };
  } finally {
    await context.close();
  }
}

/** Chunks the renderer loads with import(): the sections, the admin pages, the shell. */
function lazyModules(): { name: string; admin: boolean }[] {
  const found = new Map<string, boolean>();
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.includes('.test.')) {
        for (const match of readFileSync(path, 'utf8').matchAll(
          /import\(\s*['"]([^'"]+)['"]\s*\)/g,
        )) {
          const specifier = match[1] ?? '';
          found.set(basename(specifier), specifier.includes('/admin/'));
        }
      }
    }
  };
  visit(join(projectRoot, 'src/renderer/src'));
  return [...found].map(([name, admin]) => ({ name, admin }));
}

/** `UsersPage-B96ZQ-XD.js` -> `UsersPage` (Vite names a chunk after its module). */
function chunkName(path: string): string {
  return basename(path).replace(/-[\w-]{8}\.js$/, '');
}

export interface StartupPageResult {
  renderer: { dir: string; builtAt: string; staleFiles: string[] };
  browserVersion: string;
  rounds: number;
  targetMs: number;
  baseline: Summary;
  baselineDriver: Summary;
  app: Summary;
  appDriver: Summary;
  warmUp: { baselineMs: number; appMs: number };
  firstScreen: {
    gzipLevel: number;
    targetBytes: number;
    appScripts: ScriptLoad[];
    appBytes: number;
    appGzipBytes: number;
    harnessScripts: ScriptLoad[];
    scriptsAfterReady: ScriptLoad[];
    sameScriptsEveryLoad: boolean;
    lazyChunks: { name: string; admin: boolean; file: string | null; loaded: boolean }[];
    adminPagesLazy: boolean;
  };
}

export async function runStartupPageBench(): Promise<StartupPageResult> {
  const renderer = ensureRenderer();
  console.log(`startup-page: renderer ${renderer.dir} (built ${renderer.builtAt.toISOString()})`);
  if (renderer.staleFiles.length > 0) {
    console.log(
      `  warning: ${renderer.staleFiles.length} renderer/shared sources are newer than the build; ` +
        'MAKTAB_REBUILD=1 rebuilds',
    );
  }
  const data = dataDirWithAdmin();
  const harness = await startServerChild(['harness', renderer.dir, data.dataDir]);
  const baselineServer = await startServerChild(['static']);
  const browser = await launchChromium();
  try {
    // One load of each first, not counted: it pays for the browser's and the servers' first use.
    const warmBaseline = await coldLoad(browser, baselineServer.url);
    const warmApp = await coldLoad(browser, harness.url);
    const baseline: ColdLoad[] = [];
    const app: ColdLoad[] = [];
    for (let round = 0; round < rounds; round++) {
      baseline.push(await coldLoad(browser, baselineServer.url));
      app.push(await coldLoad(browser, harness.url));
    }

    const first = app[0]?.scripts ?? [];
    const signature = (load: ColdLoad): string =>
      load.scripts
        .filter((s) => s.beforeReady)
        .map((s) => s.path)
        .sort()
        .join(',');
    const appScripts = first.filter((s) => s.beforeReady && !s.harnessOnly);
    const loadedNames = new Set(appScripts.map((s) => chunkName(s.path)));
    const chunkFiles = readdirSync(join(renderer.dir, 'assets')).filter((f) => f.endsWith('.js'));
    const lazyChunks = lazyModules().map(({ name, admin }) => ({
      name,
      admin,
      file: chunkFiles.find((f) => chunkName(f) === name) ?? null,
      loaded: loadedNames.has(name),
    }));
    const result: StartupPageResult = {
      renderer: {
        dir: renderer.dir,
        builtAt: renderer.builtAt.toISOString(),
        staleFiles: renderer.staleFiles,
      },
      browserVersion: browser.version(),
      rounds,
      targetMs: startupTargetMs,
      baseline: summarize(baseline.map((l) => l.readyMs)),
      baselineDriver: summarize(baseline.map((l) => l.driverMs)),
      app: summarize(app.map((l) => l.readyMs)),
      appDriver: summarize(app.map((l) => l.driverMs)),
      warmUp: { baselineMs: warmBaseline.readyMs, appMs: warmApp.readyMs },
      firstScreen: {
        gzipLevel,
        targetBytes: firstScreenTargetBytes,
        appScripts,
        appBytes: appScripts.reduce((sum, s) => sum + s.bytes, 0),
        appGzipBytes: appScripts.reduce((sum, s) => sum + s.gzipBytes, 0),
        harnessScripts: first.filter((s) => s.harnessOnly),
        scriptsAfterReady: first.filter((s) => !s.beforeReady),
        sameScriptsEveryLoad: app.every((load) => signature(load) === signature(app[0] ?? load)),
        lazyChunks,
        adminPagesLazy: lazyChunks
          .filter((c) => c.admin)
          .every((c) => c.file !== null && !c.loaded),
      },
    };
    report(result);
    const written = writeResult('startup-page', result);
    console.log(`\n  results: ${written}`);
    return result;
  } finally {
    await browser.close();
    await harness.stop();
    await baselineServer.stop();
    data.dispose();
  }
}

function range(summary: Summary): string {
  return `${ms(summary.min)} – ${ms(summary.max)}`;
}

function report(result: StartupPageResult): void {
  const base = result.baseline.median;
  printTable(
    `Start-up in Chromium ${result.browserVersion}: cold load to interactive sign-in, median of ${result.rounds}`,
    ['measure', 'median', 'min – max', 'x baseline', 'target'],
    [
      ['baseline: static sign-in page, node:http', ms(base), range(result.baseline), '1.0x', ''],
      [
        'app: harness page to interactive sign-in',
        ms(result.app.median),
        range(result.app),
        ratio(result.app.median, base),
        `<= ${result.targetMs} ms: ${verdict(result.app.median, result.targetMs)}`,
      ],
      [
        'baseline, as the driver sees it (goto to probe seen)',
        ms(result.baselineDriver.median),
        range(result.baselineDriver),
        '',
        '',
      ],
      [
        'app, as the driver sees it (goto to probe seen)',
        ms(result.appDriver.median),
        range(result.appDriver),
        ratio(result.appDriver.median, result.baselineDriver.median),
        '',
      ],
    ],
  );
  const screen = result.firstScreen;
  printTable(
    `JavaScript loaded before the sign-in screen was interactive (gzip level ${screen.gzipLevel})`,
    ['script', 'raw', 'gzip'],
    [
      ...[...screen.appScripts]
        .sort((a, b) => b.gzipBytes - a.gzipBytes)
        .map((s) => [s.path, kb(s.bytes), kb(s.gzipBytes)]),
      [
        `total, app (target <= ${kb(screen.targetBytes)} gzip: ${verdict(screen.appGzipBytes, screen.targetBytes)})`,
        kb(screen.appBytes),
        kb(screen.appGzipBytes),
      ],
      ...screen.harnessScripts.map((s) => [
        `${s.path} (harness only, not counted)`,
        kb(s.bytes),
        kb(s.gzipBytes),
      ]),
    ],
  );
  const notLoaded = screen.lazyChunks.filter((c) => !c.loaded).map((c) => c.name);
  const loaded = screen.lazyChunks.filter((c) => c.loaded).map((c) => c.name);
  console.log(`\n  lazy chunks not loaded before sign-in: ${notLoaded.join(', ') || 'none'}`);
  console.log(`  lazy chunks loaded before sign-in: ${loaded.join(', ') || 'none'}`);
  console.log(
    `  admin pages lazy (own chunk, not loaded before sign-in): ${screen.adminPagesLazy ? 'yes' : 'NO'}; ` +
      `same scripts on every load: ${screen.sameScriptsEveryLoad ? 'yes' : 'no'}; ` +
      `scripts after the screen was ready: ${screen.scriptsAfterReady.map((s) => s.path).join(', ') || 'none'}`,
  );
}

if (isEntryPoint(import.meta.url)) {
  await runStartupPageBench();
}
