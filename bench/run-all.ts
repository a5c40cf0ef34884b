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
  printTable(
    'Summary (details above; JSON in bench/results/)',
    ['item', 'measured', 'baseline', 'ratio', 'target'],
    rows,
  );
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
