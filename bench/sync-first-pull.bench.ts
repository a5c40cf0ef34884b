/**
 * Issue 4, item 15 (a): the first pull of the complaints register into an empty app, against a raw
 * bulk insert of the same rows into an empty app database in the same run; the app's peak RSS.
 *
 *   npx tsx bench/sync-first-pull.bench.ts [complaints] [events]   (default 200,000 and 1,000,000)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { complaintDatabaseInChild } from './generate/complaint-data';
import { mb, ms, printTable, ratio, verdict, writeResult } from './support/report';
import { benchPassword, startBenchServer } from './support/sync-bench-server';
import type { ClientRun } from './support/sync-client-child';
import { runSyncClient } from './support/sync-processes';
import type { LoadedServer } from './support/sync-server-load';

export interface SyncFirstPullResult {
  dataset: { complaints: number; events: number; counts: Record<string, number> };
  backend: 'postgres' | 'pglite';
  serverLoad: LoadedServer | null;
  baseline: ClientRun;
  pull: ClientRun;
  ratio: number;
  rowsMatch: boolean;
  targets: { ratio: number; peakRssMb: number };
}

const targets = { ratio: 2.0, peakRssMb: 400 };

function freshDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `maktab-bench-${name}-`));
}

async function main(): Promise<void> {
  const complaints = Number(process.argv[2] ?? 200_000);
  const events = Number(process.argv[3] ?? complaints * 5);
  console.log(`generating (or reusing) ${complaints} complaints and ${events} events…`);
  const generated = complaintDatabaseInChild(complaints, events);
  console.log(`loading the server's cells and change log from ${generated.file}…`);
  const server = await startBenchServer({
    generatedFile: generated.file,
    users: [{ username: 'benchpuller', roles: ['admin', 'director'] }],
  });
  const dirs: string[] = [];
  try {
    const loaded = server.loaded;
    console.log(
      `server on ${server.backend}: ${loaded?.cells ?? 0} cells loaded in ${ms(loaded?.ms ?? 0)}`,
    );
    const baseDir = freshDir('baseline');
    dirs.push(baseDir);
    console.log('baseline: raw insert of the same rows into an empty app database…');
    const baseline = await runSyncClient(['baseline', generated.file, baseDir]);
    console.log(`  ${ms(baseline.ms)}, peak RSS ${mb(baseline.peakRss)}`);
    const pullDir = freshDir('first-pull');
    dirs.push(pullDir);
    console.log('first pull into an empty app…');
    const pull = await runSyncClient([
      'pull',
      server.process.url,
      'benchpuller',
      benchPassword,
      pullDir,
    ]);
    // The puller's users row and the audit of joining are the only rows the file has not.
    const rowsMatch = Object.entries(baseline.rows).every(([table, n]) =>
      table === 'users' || table === 'audit_log'
        ? (pull.rows[table] ?? 0) >= n
        : pull.rows[table] === n,
    );
    const result: SyncFirstPullResult = {
      dataset: { complaints, events, counts: generated.counts },
      backend: server.backend,
      serverLoad: loaded,
      baseline,
      pull,
      ratio: pull.ms / baseline.ms,
      rowsMatch,
      targets,
    };
    printTable(
      `Sync (a): first pull of ${complaints} complaints and ${events} events, server on ${server.backend}`,
      ['measure', 'value', 'baseline', 'ratio', 'target'],
      [
        [
          'first pull, join to idle',
          ms(pull.ms),
          `${ms(baseline.ms)} raw insert`,
          ratio(pull.ms, baseline.ms),
          `<= ${targets.ratio}x: ${verdict(result.ratio, targets.ratio)}`,
        ],
        [
          'app process peak RSS',
          mb(pull.peakRss),
          `${mb(baseline.peakRss)} raw insert`,
          ratio(pull.peakRss, baseline.peakRss),
          `<= ${targets.peakRssMb} MB: ${verdict(pull.peakRss / 1048576, targets.peakRssMb)}`,
        ],
        [
          'app process CPU time (less noisy)',
          ms(Number(pull.detail.cpuMs)),
          `${ms(Number(baseline.detail.cpuMs))} raw insert`,
          ratio(Number(pull.detail.cpuMs), Number(baseline.detail.cpuMs)),
          '',
        ],
        ['rows identical in count', rowsMatch ? 'yes' : 'NO', '', '', ''],
      ],
    );
    console.log(JSON.stringify({ pullRows: pull.rows, baselineRows: baseline.rows }));
    console.log(`written to ${writeResult('sync-first-pull', result)}`);
  } finally {
    await server.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
