/**
 * Issue 4, item 15 (d): the longest block of the window's thread while the app's first pull runs.
 * The harness (src/harness, core in its own process as in the app's worker) serves the renderer on
 * an empty data folder; in Chromium the window joins the server (`sync:join`, what the first-run
 * screen calls) and, until sync is idle, a PerformanceObserver records long tasks and a
 * requestAnimationFrame loop records the longest gap between frames. Baseline in the same run: the
 * same probes for 5 s on the same page before joining.
 *
 *   npx tsx bench/sync-window.bench.ts [complaints] [events]   (default 20,000 and 100,000)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { complaintDatabaseInChild } from './generate/complaint-data';
import { ensureRenderer, launchChromium, newColdContext } from './support/browser';
import { ms, printTable, ratio, verdict, writeResult } from './support/report';
import { startServerChild } from './support/servers';
import { benchPassword, startBenchServer } from './support/sync-bench-server';

interface Probe {
  ms: number;
  longTasks: number;
  longestTaskMs: number;
  longestFrameGapMs: number;
}

export interface SyncWindowResult {
  dataset: { complaints: number; events: number };
  backend: 'postgres' | 'pglite';
  idle: Probe;
  duringPull: Probe;
  targetMs: number;
}

const targetMs = 100;

// A string, not a function: tsx would wrap inner functions in a helper the page does not have.
const probeScript = `(() => {
  const probe = { tasks: [], gap: 0, last: 0, running: false };
  window.__syncProbe = probe;
  new PerformanceObserver((list) => {
    if (!probe.running) return;
    for (const entry of list.getEntries()) probe.tasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: false });
  const frame = (now) => {
    if (probe.running && probe.last > 0) probe.gap = Math.max(probe.gap, now - probe.last);
    probe.last = now;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  window.__syncProbeStart = () => { probe.tasks = []; probe.gap = 0; probe.last = 0; probe.running = true; };
  window.__syncProbeStop = () => {
    probe.running = false;
    return { longTasks: probe.tasks.length, longestTaskMs: Math.max(0, ...probe.tasks), longestFrameGapMs: probe.gap };
  };
})();`;

async function main(): Promise<void> {
  const complaints = Number(process.argv[2] ?? 20_000);
  const events = Number(process.argv[3] ?? complaints * 5);
  const generated = complaintDatabaseInChild(complaints, events);
  const renderer = ensureRenderer();
  console.log(`server: loading ${complaints} complaints and ${events} events…`);
  const server = await startBenchServer({
    generatedFile: generated.file,
    users: [{ username: 'benchpuller', roles: ['admin', 'director'] }],
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'maktab-bench-window-'));
  const harness = await startServerChild(['harness', renderer.dir, dataDir]);
  const browser = await launchChromium();
  try {
    const context = await newColdContext(browser);
    await context.addInitScript(probeScript);
    const page = await context.newPage();
    await page.goto(harness.url);
    // Not 'networkidle': the page keeps its event stream open.
    await page.waitForLoadState('load');
    await page.waitForTimeout(2000);
    const measure = async (work: () => Promise<void>): Promise<Probe> => {
      await page.evaluate('window.__syncProbeStart()');
      const started = performance.now();
      await work();
      const elapsed = performance.now() - started;
      const probe = await page.evaluate<Omit<Probe, 'ms'>>('window.__syncProbeStop()');
      return { ms: elapsed, ...probe };
    };
    console.log('probing the idle page, then joining…');
    const idle = await measure(() => page.waitForTimeout(5000));
    const duringPull = await measure(async () => {
      await page.evaluate(`(() => {
        window.__syncSettled = false;
        let seenSyncing = false;
        window.api.on('sync:changed', (payload) => {
          if (payload.state === 'syncing') seenSyncing = true;
          else if (seenSyncing) window.__syncSettled = true;
        });
      })()`);
      const joined = await page.evaluate<{ ok: boolean; error?: unknown }>(
        `window.api['sync:join'](${JSON.stringify({
          serverUrl: server.process.url,
          username: 'benchpuller',
          password: benchPassword,
        })})`,
      );
      if (!joined.ok) throw new Error(`sync:join: ${JSON.stringify(joined.error)}`);
      // The header's own signal: sync:changed says syncing, then a settled state once the run ends.
      await page.waitForFunction(
        () => (window as { __syncSettled?: boolean }).__syncSettled,
        null,
        {
          polling: 250,
          timeout: 60 * 60_000,
        },
      );
    });
    const result: SyncWindowResult = {
      dataset: { complaints, events },
      backend: server.backend,
      idle,
      duringPull,
      targetMs,
    };
    const worst = Math.max(duringPull.longestTaskMs, duringPull.longestFrameGapMs);
    printTable(
      `Sync (d): the window during a first pull of ${complaints} complaints and ${events} events (server on ${server.backend})`,
      ['measure', 'during pull', 'idle page (5 s)', 'ratio', 'target'],
      [
        ['first pull, join to idle', ms(duringPull.ms), '', '', ''],
        [
          'longest long task',
          ms(duringPull.longestTaskMs),
          ms(idle.longestTaskMs),
          '',
          `<= ${targetMs} ms: ${verdict(duringPull.longestTaskMs, targetMs)}`,
        ],
        ['long tasks (> 50 ms)', String(duringPull.longTasks), String(idle.longTasks), '', ''],
        [
          'longest gap between frames',
          ms(duringPull.longestFrameGapMs),
          ms(idle.longestFrameGapMs),
          ratio(duringPull.longestFrameGapMs, idle.longestFrameGapMs),
          `<= ${targetMs} ms: ${verdict(worst, targetMs)}`,
        ],
      ],
    );
    console.log(`written to ${writeResult('sync-window', result)}`);
  } finally {
    await browser.close();
    await harness.stop();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
