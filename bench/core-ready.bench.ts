/**
 * Item 15, core ready: how long `new Core({ dataDir })` takes until it answers `session:status`
 * on a database holding 200,000 audit records (and their 1.2M change-log rows), as a ratio to
 * opening the same file with plain better-sqlite3 and running `SELECT 1`.
 *
 *   npx tsx bench/core-ready.bench.ts [auditRecords]
 */
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { lastDailyBackupAt } from '../src/core/backup/backups';
import { Core } from '../src/core/core';
import { openDatabase } from '../src/core/db/connection';
import { pendingMigrations } from '../src/core/db/migrate';
import { readMeta, readSettings } from '../src/core/settings/local-settings';
import { countUsers } from '../src/core/users/users.repo';
import { HybridLogicalClock } from '../src/shared/sync/hlc';
import { installDatabase } from './generate/bench-database';
import { platformDatabase, platformDataset } from './generate/datasets';
import {
  isEntryPoint,
  mb,
  ms,
  printTable,
  ratio,
  summarize,
  timeSync,
  verdict,
  writeResult,
  type Summary,
} from './support/report';

const targetMs = 300;
const rounds = 5;

/** The start-up steps of core, in its order (src/core/db/startup.ts, src/core/core.ts attach). */
const stepNames = [
  'open (file checks, better-sqlite3 open, WAL and other pragmas)',
  'integrity check: PRAGMA quick_check(1)',
  'migrations check: user_version',
  'device identity: 2 local_meta reads',
  'clock: max(hlc) over changes + HLC',
  'daily backup check: count users + list backups',
] as const;

type StepName = (typeof stepNames)[number];

interface CoreOpen {
  constructMs: number;
  firstDispatchMs: number;
  readyMs: number;
}

/** `new Core` then the first `session:status`, the way the app's worker starts. */
function openCore(dataDir: string): CoreOpen {
  const start = performance.now();
  const core = new Core({ dataDir });
  const constructed = performance.now();
  const status = core.dispatch('session:status', {});
  const ready = performance.now();
  core.close();
  if (!status.ok) throw new Error(`session:status failed: ${status.error.code}`);
  const value = status.value as { database: string; setupRequired: boolean };
  if (value.database !== 'ok' || value.setupRequired) {
    throw new Error(`unexpected status ${JSON.stringify(value)}`);
  }
  return {
    constructMs: constructed - start,
    firstDispatchMs: ready - constructed,
    readyMs: ready - start,
  };
}

/** The baseline: the same file opened by plain better-sqlite3, one trivial query. */
function openPlain(file: string): number {
  return timeSync(() => {
    const db = new Database(file);
    db.prepare('SELECT 1').get();
    db.close();
  }).ms;
}

/**
 * Core's start-up steps one by one, with the same functions and SQL core runs (its private
 * helpers are repeated here, not changed), so the team sees where the time goes.
 */
function openStepByStep(dataDir: string): Record<StepName, number> {
  const file = join(dataDir, 'maktab.sqlite');
  const backupsDir = join(dataDir, 'backups');
  const open = timeSync(() => {
    mkdirSync(backupsDir, { recursive: true });
    if (statSync(file).size === 0) throw new Error('empty database file');
    return openDatabase(file);
  });
  const db = open.value;
  try {
    const check = timeSync(() => db.pragma('quick_check(1)') as { quick_check: string }[]);
    if (check.value[0]?.quick_check !== 'ok') throw new Error('quick_check did not say ok');
    const migrations = timeSync(() => pendingMigrations(db));
    if (migrations.value) throw new Error('the database needs migrations: regenerate it');
    const identity = timeSync(() => ({
      deviceId: readMeta(db, 'device_id'),
      node: readMeta(db, 'hlc_node'),
    }));
    const clock = timeSync(() => {
      const last = (
        db.prepare('SELECT max(hlc) AS hlc FROM changes').get() as { hlc: string | null }
      ).hlc;
      return new HybridLogicalClock({ node: identity.value.node ?? '0'.repeat(16), last });
    });
    const backup = timeSync(() => countUsers(db) > 0 && lastDailyBackupAt(backupsDir));
    return {
      'open (file checks, better-sqlite3 open, WAL and other pragmas)': open.ms,
      'integrity check: PRAGMA quick_check(1)': check.ms,
      'migrations check: user_version': migrations.ms,
      'device identity: 2 local_meta reads': identity.ms,
      'clock: max(hlc) over changes + HLC': clock.ms,
      'daily backup check: count users + list backups': backup.ms,
    };
  } finally {
    db.close();
  }
}

/** quick_check on its own read-only connection, in a worker thread (plain CommonJS, no tsx). */
const quickCheckWorkerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require('better-sqlite3');
const start = performance.now();
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
parentPort.postMessage({ started: true });
const verdict = db.pragma('quick_check(1)')[0].quick_check;
db.close();
parentPort.postMessage({ verdict, ms: performance.now() - start });
`;

interface BackgroundCheck {
  /** The main thread's start-up without the check, while the worker checks. */
  readyMs: number;
  /** The worker's quick_check, from its start to its answer. */
  checkMs: number;
}

/**
 * The proposal, tried without touching core: the main thread does core's other start-up steps and
 * answers a session:status-sized query while a worker runs quick_check on a second read-only
 * connection (WAL lets both read at once).
 */
async function openWithBackgroundCheck(dataDir: string): Promise<BackgroundCheck> {
  const file = join(dataDir, 'maktab.sqlite');
  const worker = new Worker(quickCheckWorkerSource, {
    eval: true,
    workerData: { file },
  });
  const checked = new Promise<{ verdict: string; ms: number }>((resolveCheck, reject) => {
    worker.on('message', (message: { verdict?: string; ms?: number }) => {
      if (message.verdict !== undefined)
        resolveCheck({ verdict: message.verdict, ms: message.ms ?? NaN });
    });
    worker.once('error', reject);
  });
  // Start timing once the worker's check is under way, so the two really overlap.
  await new Promise<void>((started) => worker.once('message', () => started()));
  const ready = timeSync(() => {
    const db = openDatabase(file);
    pendingMigrations(db);
    const node = readMeta(db, 'hlc_node') ?? '0'.repeat(16);
    const last = (db.prepare('SELECT max(hlc) AS hlc FROM changes').get() as { hlc: string | null })
      .hlc;
    new HybridLogicalClock({ node, last }).now();
    lastDailyBackupAt(join(dataDir, 'backups'));
    const status = { setupRequired: countUsers(db) === 0, settings: readSettings(db) };
    return { db, status };
  });
  const check = await checked;
  ready.value.db.close();
  await worker.terminate();
  if (check.verdict !== 'ok') throw new Error(`background quick_check: ${check.verdict}`);
  return { readyMs: ready.ms, checkMs: check.ms };
}

export interface CoreReadyResult {
  dataset: { counts: Record<string, number>; sizeBytes: number; generationMs: number };
  generatedNow: boolean;
  targetMs: number;
  baselinePlainOpen: Summary;
  coreReady: Summary;
  coreConstruct: Summary;
  coreFirstDispatch: Summary;
  coreReadySmall: Summary;
  smallDataset: { counts: Record<string, number>; sizeBytes: number };
  firstOpenOfTheDay: CoreOpen;
  steps: Record<StepName, Summary>;
  proposal: { readyMs: Summary; backgroundCheckMs: Summary };
}

export async function runCoreReadyBench(auditRecords = 200_000): Promise<CoreReadyResult> {
  console.log(`core-ready: preparing a database of ${auditRecords} audit records...`);
  const generated = platformDatabase(platformDataset(auditRecords));
  const small = platformDatabase(platformDataset(0));
  console.log(
    `  ${generated.fromCache ? 'reused cached' : 'generated'} ${generated.file} ` +
      `(${mb(generated.sizeBytes)}, generated in ${(generated.generationMs / 1000).toFixed(1)} s)`,
  );

  const workDir = mkdtempSync(join(tmpdir(), 'maktab-bench-core-'));
  try {
    const dataDir = join(workDir, 'large');
    const smallDir = join(workDir, 'small');
    const file = installDatabase(generated.file, dataDir);
    installDatabase(small.file, smallDir);

    // The first start of a day also takes the daily backup; measured once, on its own.
    const firstOpenOfTheDay = openCore(dataDir);
    openCore(smallDir);

    const plain: number[] = [];
    const ready: number[] = [];
    const construct: number[] = [];
    const firstDispatch: number[] = [];
    const readySmall: number[] = [];
    const steps = new Map<StepName, number[]>(stepNames.map((name) => [name, []]));
    const proposalReady: number[] = [];
    const proposalCheck: number[] = [];
    // Interleaved, so a burst of noise on the shared machine hits every measure alike.
    for (let round = 0; round < rounds; round++) {
      plain.push(openPlain(file));
      const open = openCore(dataDir);
      ready.push(open.readyMs);
      construct.push(open.constructMs);
      firstDispatch.push(open.firstDispatchMs);
      readySmall.push(openCore(smallDir).readyMs);
      for (const [name, value] of Object.entries(openStepByStep(dataDir))) {
        steps.get(name as StepName)?.push(value);
      }
      const background = await openWithBackgroundCheck(dataDir);
      proposalReady.push(background.readyMs);
      proposalCheck.push(background.checkMs);
    }

    const result: CoreReadyResult = {
      dataset: {
        counts: generated.counts,
        sizeBytes: generated.sizeBytes,
        generationMs: generated.generationMs,
      },
      generatedNow: !generated.fromCache,
      targetMs,
      baselinePlainOpen: summarize(plain),
      coreReady: summarize(ready),
      coreConstruct: summarize(construct),
      coreFirstDispatch: summarize(firstDispatch),
      coreReadySmall: summarize(readySmall),
      smallDataset: { counts: small.counts, sizeBytes: small.sizeBytes },
      firstOpenOfTheDay,
      steps: Object.fromEntries(
        stepNames.map((name) => [name, summarize(steps.get(name) ?? [])]),
      ) as Record<StepName, Summary>,
      proposal: { readyMs: summarize(proposalReady), backgroundCheckMs: summarize(proposalCheck) },
    };
    report(result);
    const written = writeResult('core-ready', result);
    console.log(`\n  results: ${written}`);
    return result;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

function range(summary: Summary): string {
  return `${ms(summary.min)} – ${ms(summary.max)}`;
}

function report(result: CoreReadyResult): void {
  const { counts } = result.dataset;
  const base = result.baselinePlainOpen.median;
  printTable(
    `Core ready: ${counts.audit_log ?? 0} audit records + ${counts.changes ?? 0} change-log rows, ` +
      `${counts.users ?? 0} users (${mb(result.dataset.sizeBytes)}); median of ${rounds}, warm page cache`,
    ['measure', 'median', 'min – max', 'x baseline', 'target'],
    [
      [
        'baseline: better-sqlite3 open + SELECT 1',
        ms(base),
        range(result.baselinePlainOpen),
        '1.0x',
        '',
      ],
      [
        'core ready: new Core + first session:status',
        ms(result.coreReady.median),
        range(result.coreReady),
        ratio(result.coreReady.median, base),
        `<= ${targetMs} ms: ${verdict(result.coreReady.median, targetMs)}`,
      ],
      ['  of which new Core', ms(result.coreConstruct.median), range(result.coreConstruct), '', ''],
      [
        '  of which first session:status',
        ms(result.coreFirstDispatch.median),
        range(result.coreFirstDispatch),
        '',
        '',
      ],
      [
        `core ready, seed-only database (${result.smallDataset.counts.audit_log ?? 0} audit records)`,
        ms(result.coreReadySmall.median),
        range(result.coreReadySmall),
        ratio(result.coreReadySmall.median, base),
        '',
      ],
      [
        'first start of the day (includes the daily backup, once)',
        ms(result.firstOpenOfTheDay.readyMs),
        '',
        ratio(result.firstOpenOfTheDay.readyMs, base),
        `<= ${targetMs} ms: ${verdict(result.firstOpenOfTheDay.readyMs, targetMs)}`,
      ],
    ],
  );
  const total = stepNames.reduce((sum, name) => sum + result.steps[name].median, 0);
  printTable(
    'Core start-up, step by step (same functions and SQL as core, run one at a time)',
    ['step', 'median', 'min – max', 'share'],
    stepNames.map((name) => [
      name,
      ms(result.steps[name].median),
      range(result.steps[name]),
      `${((result.steps[name].median / total) * 100).toFixed(0)}%`,
    ]),
  );
  printTable(
    'Proposal tried: quick_check on a second read-only connection in a worker thread, after ready',
    ['measure', 'median', 'min – max', 'x baseline', 'target'],
    [
      [
        'main thread: the other steps + a session:status query',
        ms(result.proposal.readyMs.median),
        range(result.proposal.readyMs),
        ratio(result.proposal.readyMs.median, result.baselinePlainOpen.median),
        `<= ${targetMs} ms: ${verdict(result.proposal.readyMs.median, targetMs)}`,
      ],
      [
        'worker: quick_check(1) meanwhile (open to verdict)',
        ms(result.proposal.backgroundCheckMs.median),
        range(result.proposal.backgroundCheckMs),
        '',
        '',
      ],
    ],
  );
}

if (isEntryPoint(import.meta.url)) {
  await runCoreReadyBench(Number(process.argv[2] ?? 200_000));
}
