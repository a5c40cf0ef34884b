/**
 * `npm run bench`: runs each benchmark in turn, each in its own Node process (so one's memory and
 * caches do not colour the next), then prints the headline figures. Benchmarks report; they exit
 * non-zero only when they crash, and so does this script.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ComplaintsBenchResult } from './complaints.bench';
import type { CoreReadyResult } from './core-ready.bench';
import type { MemoryResult } from './memory-after-sign-in.bench';
import type { StartupPageResult } from './startup-page.bench';
import type { SyncConcurrentResult } from './sync-concurrent.bench';
import type { SyncFirstPullResult } from './sync-first-pull.bench';
import type { SyncPushResult } from './sync-push.bench';
import type { SyncWindowResult } from './sync-window.bench';
import {
  kb,
  mb,
  ms,
  printTable,
  projectRoot,
  ratio,
  resultsDir,
  verdict,
  type Cell,
} from './support/report';

const benchmarks = [
  'startup-page.bench.ts',
  'memory-after-sign-in.bench.ts',
  'core-ready.bench.ts',
  'complaints.bench.ts',
  'sync-push.bench.ts',
  'sync-concurrent.bench.ts',
  'sync-window.bench.ts',
  'sync-first-pull.bench.ts',
] as const;

function run(file: string): Promise<number> {
  return new Promise((resolveCode) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join('bench', file)], {
      cwd: projectRoot,
      stdio: 'inherit',
    });
    child.on('exit', (code, signal) => resolveCode(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolveCode(1));
  });
}

/** The `-latest.json` a benchmark wrote during this run, if it did. */
function latest<T>(name: string, since: number): T | null {
  const file = join(resultsDir, `${name}-latest.json`);
  if (!existsSync(file) || statSync(file).mtimeMs < since) return null;
  return (JSON.parse(readFileSync(file, 'utf8')) as { result: T }).result;
}

function summary(since: number): void {
  const rows: Cell[][] = [];
  const startup = latest<StartupPageResult>('startup-page', since);
  if (startup) {
    rows.push([
      '1. start-up: cold load to interactive sign-in',
      ms(startup.app.median),
      `${ms(startup.baseline.median)} static page`,
      ratio(startup.app.median, startup.baseline.median),
      `<= ${startup.targetMs} ms: ${verdict(startup.app.median, startup.targetMs)}`,
    ]);
    const screen = startup.firstScreen;
    rows.push([
      `2. first-screen JS, gzip -${screen.gzipLevel} (admin pages lazy: ${screen.adminPagesLazy ? 'yes' : 'NO'})`,
      kb(screen.appGzipBytes),
      `${kb(screen.appBytes)} raw`,
      '',
      `<= ${kb(screen.targetBytes)}: ${verdict(screen.appGzipBytes, screen.targetBytes)}`,
    ]);
  }
  const core = latest<CoreReadyResult>('core-ready', since);
  if (core) {
    rows.push([
      `3. core ready, ${core.dataset.counts.audit_log ?? 0} audit records`,
      ms(core.coreReady.median),
      `${ms(core.baselinePlainOpen.median)} plain open`,
      ratio(core.coreReady.median, core.baselinePlainOpen.median),
      `<= ${core.targetMs} ms: ${verdict(core.coreReady.median, core.targetMs)}`,
    ]);
    rows.push([
      '   integrity check after ready (background)',
      ms(core.integrity.coreCheckedMs.median),
      `${ms(core.integrity.inlineReferenceMs.median)} if inline`,
      '',
      '',
    ]);
    const backup = core.dailyBackup;
    rows.push([
      '   daily backup (core.tick()): longest gap in answers',
      ms(backup.during.longestGapMs),
      `${ms(backup.idle.longestGapMs)} no backup`,
      ratio(backup.during.longestGapMs, backup.idle.longestGapMs),
      `backup ${(backup.tickMs.median / 1000).toFixed(1)} s`,
    ]);
  }
  const memory = latest<MemoryResult>('memory-after-sign-in', since);
  if (memory) {
    const app = memory.harnessAfterSignIn;
    const base = memory.baselineServer;
    rows.push([
      '4. harness process RSS after sign-in',
      mb(app.asIs.rss),
      `${mb(base.asIs.rss)} bare node:http`,
      ratio(app.asIs.rss, base.asIs.rss),
      '',
    ]);
    rows.push([
      '   harness V8 heap used after GC',
      mb((app.afterGc ?? app.asIs).heapUsed),
      mb((base.afterGc ?? base.asIs).heapUsed),
      ratio((app.afterGc ?? app.asIs).heapUsed, (base.afterGc ?? base.asIs).heapUsed),
      '',
    ]);
    rows.push([
      '   renderer JS heap used after GC',
      mb(memory.appPage.afterGc.used),
      `${mb(memory.baselinePage.afterGc.used)} static page`,
      ratio(memory.appPage.afterGc.used, memory.baselinePage.afterGc.used),
      '',
    ]);
  }
  const complaints = latest<ComplaintsBenchResult>('complaints', since);
  if (complaints) {
    const { queue, search, caseOpen, rss, targets } = complaints;
    const worstView = queue.views.reduce((a, b) => (b.latency.p95 > a.latency.p95 ? b : a));
    rows.push([
      `11. queue first page, slowest view p95 (${worstView.name})`,
      ms(worstView.latency.p95),
      `${ms(queue.baselinePooled.p95)} SELECT * LIMIT 50`,
      ratio(worstView.latency.p95, queue.baselinePooled.p95),
      `<= ${targets.queueP95Ms} ms: ${verdict(worstView.latency.p95, targets.queueP95Ms)}`,
    ]);
    rows.push([
      "    search p95, query mix pooled, view 'all'",
      ms(search.byView.all.pooled.p95),
      `${ms(search.baselinePooled.p95)} bare MATCH LIMIT 50`,
      ratio(search.byView.all.pooled.p95, search.baselinePooled.p95),
      `<= ${targets.searchP95Ms} ms: ${verdict(search.byView.all.pooled.p95, targets.searchP95Ms)}`,
    ]);
    rows.push([
      '    search, slowest query p95 (either view)',
      ms(search.worstP95),
      '',
      '',
      `<= ${targets.searchP95Ms} ms: ${verdict(search.worstP95, targets.searchP95Ms)}`,
    ]);
    rows.push([
      '    cases:get of a case with 50 events, p95',
      ms(caseOpen.fiftyEvents.latency.p95),
      `${ms(caseOpen.fiftyEvents.baseline.p95)} SELECT by id`,
      ratio(caseOpen.fiftyEvents.latency.p95, caseOpen.fiftyEvents.baseline.p95),
      `<= ${targets.caseP95Ms} ms: ${verdict(caseOpen.fiftyEvents.latency.p95, targets.caseP95Ms)}`,
    ]);
    rows.push([
      '    peak RSS of the benchmark process',
      `${rss.peakMb.toFixed(1)} MB`,
      '',
      '',
      `<= ${targets.peakRssMb} MB: ${verdict(rss.peakMb, targets.peakRssMb)}`,
    ]);
  }
  syncRows(since, rows);
  printTable(
    'Summary (details above; JSON in bench/results/)',
    ['item', 'measured', 'baseline', 'ratio', 'target'],
    rows,
  );
}

function syncRows(since: number, rows: Cell[][]): void {
  const pull = latest<SyncFirstPullResult>('sync-first-pull', since);
  if (pull) {
    rows.push([
      `15a. first pull, ${pull.dataset.complaints} complaints + ${pull.dataset.events} events (${pull.backend})`,
      ms(pull.pull.ms),
      `${ms(pull.baseline.ms)} raw insert`,
      ratio(pull.pull.ms, pull.baseline.ms),
      `<= ${pull.targets.ratio}x: ${verdict(pull.ratio, pull.targets.ratio)}`,
    ]);
    rows.push([
      '     app peak RSS during the first pull',
      mb(pull.pull.peakRss),
      `${mb(pull.baseline.peakRss)} raw insert`,
      ratio(pull.pull.peakRss, pull.baseline.peakRss),
      `<= ${pull.targets.peakRssMb} MB: ${verdict(pull.pull.peakRss / 1048576, pull.targets.peakRssMb)}`,
    ]);
  }
  const push = latest<SyncPushResult>('sync-push', since);
  if (push) {
    rows.push([
      `15b. push of ${push.edits} edits, median (${push.refused.length} refused)`,
      ms(push.push.p50),
      push.baselineDirectWrite ? `${ms(push.baselineDirectWrite.p50)} direct SQL` : '',
      push.baselineDirectWrite ? ratio(push.push.p50, push.baselineDirectWrite.p50) : '',
      `<= ${push.targetMs} ms: ${verdict(push.push.p50, push.targetMs)}`,
    ]);
  }
  const load = latest<SyncConcurrentResult>('sync-concurrent', since);
  if (load) {
    const run = load.concurrent;
    rows.push([
      `15c. ${run.clients} clients, request p99 (${run.errors.length} errors)`,
      ms(run.request.p99),
      `${ms(load.alone.request.p99)} one client`,
      ratio(run.request.p99, load.alone.request.p99),
      `<= ${load.targets.p99Ms} ms: ${verdict(run.request.p99, load.targets.p99Ms)}`,
    ]);
    rows.push([
      '     server peak RSS',
      mb(load.serverRss.peak),
      `${mb(load.serverRss.idleBefore)} idle`,
      '',
      `<= ${load.targets.serverRssMb} MB: ${verdict(load.serverRss.peak / 1048576, load.targets.serverRssMb)}`,
    ]);
  }
  const window = latest<SyncWindowResult>('sync-window', since);
  if (window) {
    const worst = Math.max(window.duringPull.longestTaskMs, window.duringPull.longestFrameGapMs);
    rows.push([
      `15d. window during a first pull (${window.dataset.complaints} complaints): longest block`,
      ms(worst),
      `${ms(window.idle.longestFrameGapMs)} idle page`,
      ratio(worst, window.idle.longestFrameGapMs),
      `<= ${window.targetMs} ms: ${verdict(worst, window.targetMs)}`,
    ]);
  }
}

const since = Date.now();
const failed: string[] = [];
for (const file of benchmarks) {
  console.log(`\n=== ${file} ===`);
  if ((await run(file)) !== 0) failed.push(file);
}
summary(since);
if (failed.length > 0) {
  console.error(`\ncrashed: ${failed.join(', ')}`);
  process.exit(1);
}
