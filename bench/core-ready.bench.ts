/**
 * Item 15, core ready: how long `new Core({ dataDir })` takes until it answers `session:status`
 * on a database holding 200,000 audit records (and their 1.2M change-log rows), as a ratio to
 * opening the same file with plain better-sqlite3 and running `SELECT 1`. Then what core does
 * after ready: the background integrity check of a large file, and the daily backup that
 * `core.tick()` takes with SQLite's stepped online backup, with core's responsiveness meanwhile.
 *
 *   npx tsx bench/core-ready.bench.ts [auditRecords]
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { lastDailyBackupAt, listBackups } from '../src/core/backup/backups';
import { Core } from '../src/core/core';
import { openDatabase } from '../src/core/db/connection';
import { checkIntegrityInBackground, quickCheck } from '../src/core/db/integrity-check';
import { pendingMigrations, runMigrations } from '../src/core/db/migrate';
import { INLINE_CHECK_MAX_BYTES } from '../src/core/db/startup';
import { readMeta } from '../src/core/settings/local-settings';
import type { SessionStatus } from '../src/shared/api/procedures/session.procedures';
import type { ApiResult } from '../src/shared/errors';
import { HybridLogicalClock } from '../src/shared/sync/hlc';
import { installDatabase } from './generate/bench-database';
import { platformDatabase, platformDataset, platformPassword } from './generate/datasets';
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
/** Each daily-backup round copies the whole file (about 680 MB at 200,000 records). */
const backupRounds = 5;
/** The probe asks core again this long after each answer. */
const probeIntervalMs = 5;
/** How long the probe runs with no backup, per round (its baseline). */
const idleProbeMs = 2000;
/** The first administrator `seedCommune` creates (bench/generate/platform-data.ts). */
const adminUsername = 'admin';

/** Core's start path, in its order (src/core/db/startup.ts openLocalDatabase, core.ts attach). */
const stepNames = [
  'open: backups folder, file size, better-sqlite3 open, WAL and other pragmas',
  'schema check: SELECT count(*) FROM sqlite_master',
  'size test: <= 64 MB is quick_checked here, larger after ready',
  'migrations check: user_version (pending + run, none due)',
  'device identity: 2 local_meta reads',
  'clock: max(hlc) over changes + HLC',
  'background check started: quick_check worker thread spawned',
] as const;

type StepName = (typeof stepNames)[number];

interface StepByStep {
  steps: Record<StepName, number>;
  /** The worker core starts, from its spawn to its verdict (measured after the steps). */
  workerCheckMs: number | null;
  /** For reference: PRAGMA quick_check(1) inline on core's connection, as start-up used to run. */
  inlineCheckMs: number;
}

interface CoreOpen {
  constructMs: number;
  firstDispatchMs: number;
  readyMs: number;
  /** From `new Core` until `core.integrityChecked` resolved (right away when checked inline). */
  integrityCheckedMs: number;
}

function expectStatusOk(result: ApiResult<unknown>, what: string): SessionStatus {
  if (!result.ok) throw new Error(`${what} failed: ${result.error.code}`);
  const status = result.value as SessionStatus;
  if (status.database !== 'ok' || status.setupRequired) {
    throw new Error(`${what}: unexpected status ${JSON.stringify(status)}`);
  }
  return status;
}

/**
 * `new Core` then the first `session:status`, the way the app's worker starts; then waits for the
 * background integrity check core started, and asks again: a damaged verdict would show there.
 */
async function openCore(dataDir: string): Promise<CoreOpen> {
  const start = performance.now();
  const core = new Core({ dataDir });
  const constructed = performance.now();
  const status = core.dispatch('session:status', {});
  const ready = performance.now();
  try {
    expectStatusOk(status, 'first session:status');
    await core.integrityChecked;
    const checked = performance.now();
    expectStatusOk(core.dispatch('session:status', {}), 'session:status after the integrity check');
    return {
      constructMs: constructed - start,
      firstDispatchMs: ready - constructed,
      readyMs: ready - start,
      integrityCheckedMs: checked - start,
    };
  } finally {
    core.close();
  }
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
 * Core's start path one step at a time, with the same functions and SQL core runs (its private
 * helpers are repeated here, not changed), so the team sees where the time goes. The background
 * check is started as core starts it, then awaited outside the timed steps.
 */
async function openStepByStep(dataDir: string, inlineCheckMaxBytes: number): Promise<StepByStep> {
  const file = join(dataDir, 'maktab.sqlite');
  const backupsDir = join(dataDir, 'backups');
  let size = 0;
  const open = timeSync(() => {
    mkdirSync(backupsDir, { recursive: true });
    size = existsSync(file) ? statSync(file).size : 0;
    if (size === 0) throw new Error('no database file');
    return openDatabase(file);
  });
  const db = open.value;
  try {
    const schema = timeSync(() => db.prepare('SELECT count(*) FROM sqlite_master').get());
    const sizeTest = timeSync(() => (size <= inlineCheckMaxBytes ? quickCheck(db) : null));
    if (sizeTest.value !== null) throw new Error(`inline quick_check: ${sizeTest.value}`);
    const migrations = timeSync(() => {
      if (pendingMigrations(db)) throw new Error('the database needs migrations: regenerate it');
      return runMigrations(db);
    });
    const identity = timeSync(() => ({
      deviceId: readMeta(db, 'device_id'),
      node: readMeta(db, 'hlc_node'),
    }));
    if (!identity.value.deviceId || !identity.value.node) throw new Error('no device identity');
    const node = identity.value.node;
    const clock = timeSync(() => {
      const last = (
        db.prepare('SELECT max(hlc) AS hlc FROM changes').get() as { hlc: string | null }
      ).hlc;
      return new HybridLogicalClock({ node, last });
    });
    const deferred = size > inlineCheckMaxBytes;
    const spawned = performance.now();
    const spawn = timeSync(() => (deferred ? checkIntegrityInBackground(file) : null));
    let workerCheckMs: number | null = null;
    if (spawn.value) {
      const answer = await spawn.value;
      workerCheckMs = performance.now() - spawned;
      if (answer.kind !== 'ok') {
        throw new Error(`background quick_check: ${answer.kind} ${JSON.stringify(answer)}`);
      }
    }
    // After the worker has answered, so the two do not share the CPU.
    const inline = timeSync(() => quickCheck(db));
    if (inline.value !== null) throw new Error(`quick_check: ${inline.value}`);
    return {
      steps: {
        'open: backups folder, file size, better-sqlite3 open, WAL and other pragmas': open.ms,
        'schema check: SELECT count(*) FROM sqlite_master': schema.ms,
        'size test: <= 64 MB is quick_checked here, larger after ready': sizeTest.ms,
        'migrations check: user_version (pending + run, none due)': migrations.ms,
        'device identity: 2 local_meta reads': identity.ms,
        'clock: max(hlc) over changes + HLC': clock.ms,
        'background check started: quick_check worker thread spawned': spawn.ms,
      },
      workerCheckMs,
      inlineCheckMs: inline.ms,
    };
  } finally {
    db.close();
  }
}

/** Latencies of the probe's calls and the longest wait between two answers. */
export interface ProbeStats {
  calls: number;
  durationMs: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  /** Longest time between two consecutive answers (the interval included). */
  longestGapMs: number;
  /** When that gap ended, from the probe's start. */
  longestGapEndMs: number;
}

interface ProbeSamples {
  startedAt: number;
  stoppedAt: number;
  latencies: number[];
  answers: number[];
}

/** Nearest-rank percentile of an ascending list. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? NaN;
}

function probeStats(samples: ProbeSamples): ProbeStats {
  const sorted = [...samples.latencies].sort((a, b) => a - b);
  let longestGapMs = 0;
  let longestGapEndMs = 0;
  let previous = samples.startedAt;
  for (const answer of samples.answers) {
    if (answer - previous > longestGapMs) {
      longestGapMs = answer - previous;
      longestGapEndMs = answer - samples.startedAt;
    }
    previous = answer;
  }
  return {
    calls: samples.answers.length,
    durationMs: samples.stoppedAt - samples.startedAt,
    latencyP50Ms: percentile(sorted, 50),
    latencyP99Ms: percentile(sorted, 99),
    latencyMaxMs: sorted[sorted.length - 1] ?? NaN,
    longestGapMs,
    longestGapEndMs,
  };
}

interface Probe {
  /** Stops the loop (no call is ever in flight: dispatch is synchronous). */
  stop(): ProbeSamples;
}

/**
 * A caller that asks `session:status` again 5 ms after each answer, as the renderer's calls would
 * arrive at core's thread. A call's latency runs from when it was due (previous answer + 5 ms) to
 * its answer: the time it waited for the thread plus its own run.
 */
function startProbe(core: Core): Probe {
  const startedAt = performance.now();
  const latencies: number[] = [];
  const answers: number[] = [];
  const failures: string[] = [];
  let due = startedAt + probeIntervalMs;
  const call = (): void => {
    const result = core.dispatch('session:status', {});
    const answered = performance.now();
    if (!result.ok) failures.push(result.error.code);
    latencies.push(answered - due);
    answers.push(answered);
    due = answered + probeIntervalMs;
    timer = setTimeout(call, probeIntervalMs);
  };
  let timer = setTimeout(call, probeIntervalMs);
  return {
    stop: () => {
      clearTimeout(timer);
      if (failures.length > 0) throw new Error(`probe calls failed: ${failures.join(', ')}`);
      return { startedAt, stoppedAt: performance.now(), latencies, answers };
    },
  };
}

interface DailyBackupRound {
  /** `core.tick()` until its promise resolved, the probe running. */
  tickMs: number;
  backupBytes: number;
  idle: ProbeStats;
  during: ProbeStats;
  /** Samples of both loops, pooled over the rounds for the report. */
  idleLatencies: number[];
  duringLatencies: number[];
  homeCountsMs: number[];
}

function removeDailyBackups(backupsDir: string): void {
  if (!existsSync(backupsDir)) return;
  for (const name of readdirSync(backupsDir)) {
    if (name.includes('-daily.sqlite')) rmSync(join(backupsDir, name), { force: true });
  }
}

/**
 * The daily backup as core now takes it: signed in as the administrator, with no daily backup in
 * the (temporary) data folder so one is due, `core.tick()` is awaited while the probe keeps
 * asking core. The backup is deleted afterwards, so the next round finds one due again.
 */
async function measureDailyBackup(
  dataDir: string,
  auditRecords: number,
): Promise<DailyBackupRound> {
  const backupsDir = join(dataDir, 'backups');
  removeDailyBackups(backupsDir);
  const core = new Core({ dataDir });
  try {
    // The start's background check must not share the CPU with what is measured.
    await core.integrityChecked;
    expectStatusOk(core.dispatch('session:status', {}), 'session:status before the backup');
    const signIn = core.dispatch('session:signIn', {
      username: adminUsername,
      password: platformPassword,
    });
    if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.error.code}`);
    if (lastDailyBackupAt(backupsDir, new Date()) !== null)
      throw new Error('a daily backup is not due');

    const homeCountsMs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const counts = timeSync(() => core.dispatch('home:counts', {}));
      if (!counts.value.ok) throw new Error(`home:counts failed: ${counts.value.error.code}`);
      homeCountsMs.push(counts.ms);
    }

    const idleProbe = startProbe(core);
    await sleep(idleProbeMs);
    const idle = idleProbe.stop();

    const duringProbe = startProbe(core);
    const start = performance.now();
    await core.tick();
    const tickMs = performance.now() - start;
    const during = duringProbe.stop();

    const daily = listBackups(backupsDir).filter((b) => b.name.endsWith('-daily.sqlite'));
    const backup = daily[0];
    if (daily.length !== 1 || !backup) throw new Error('core.tick() took no daily backup');
    if (readdirSync(backupsDir).some((name) => name.endsWith('.partial'))) {
      throw new Error('a partial backup file was left behind');
    }
    const copy = new Database(join(backupsDir, backup.name), { readonly: true });
    try {
      const rows = (copy.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
      if (rows < auditRecords) throw new Error(`the backup holds ${rows} audit records`);
    } finally {
      copy.close();
    }
    expectStatusOk(core.dispatch('session:status', {}), 'session:status after the backup');
    return {
      tickMs,
      backupBytes: backup.sizeBytes,
      idle: probeStats(idle),
      during: probeStats(during),
      idleLatencies: idle.latencies,
      duringLatencies: during.latencies,
      homeCountsMs,
    };
  } finally {
    core.close();
    removeDailyBackups(backupsDir);
  }
}

interface PooledProbe {
  calls: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  /** The longest gap of any round. */
  longestGapMs: number;
}

function pool(latencies: readonly number[], perRound: readonly ProbeStats[]): PooledProbe {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    calls: sorted.length,
    latencyP50Ms: percentile(sorted, 50),
    latencyP99Ms: percentile(sorted, 99),
    latencyMaxMs: sorted[sorted.length - 1] ?? NaN,
    longestGapMs: Math.max(...perRound.map((round) => round.longestGapMs)),
  };
}

export interface DailyBackupResult {
  rounds: { tickMs: number; backupBytes: number; idle: ProbeStats; during: ProbeStats }[];
  tickMs: Summary;
  backupBytes: number;
  sourceBytes: number;
  idle: PooledProbe;
  during: PooledProbe;
  /** The round with the longest gap during a backup: where in the backup that gap ended. */
  worstGap: { gapMs: number; endedAtMs: number; backupMs: number };
  homeCountsMs: Summary;
}

export interface CoreReadyResult {
  dataset: { counts: Record<string, number>; sizeBytes: number; generationMs: number };
  generatedNow: boolean;
  targetMs: number;
  inlineCheckMaxBytes: number;
  /** True when the file is over the inline limit, so core checks it in the background. */
  checkDeferred: boolean;
  baselinePlainOpen: Summary;
  coreReady: Summary;
  coreConstruct: Summary;
  coreFirstDispatch: Summary;
  coreReadySmall: Summary;
  smallDataset: { counts: Record<string, number>; sizeBytes: number };
  /** The first start in this process (cold module and statement caches), not in the medians. */
  firstOpen: CoreOpen;
  steps: Record<StepName, Summary>;
  integrity: {
    /** `new Core` until `core.integrityChecked` resolved, then session:status still 'ok'. */
    coreCheckedMs: Summary;
    /** The same worker started step by step: spawn to its 'ok' verdict. */
    workerMs: Summary | null;
    /** Reference: quick_check(1) inline on core's connection (start-up before the change). */
    inlineReferenceMs: Summary;
  };
  dailyBackup: DailyBackupResult;
}

export async function runCoreReadyBench(auditRecords = 200_000): Promise<CoreReadyResult> {
  console.log(`core-ready: preparing a database of ${auditRecords} audit records...`);
  const generated = platformDatabase(platformDataset(auditRecords));
  const small = platformDatabase(platformDataset(0));
  console.log(
    `  ${generated.fromCache ? 'reused cached' : 'generated'} ${generated.file} ` +
      `(${mb(generated.sizeBytes)}, generated in ${(generated.generationMs / 1000).toFixed(1)} s)`,
  );

  // Core only ever sees copies in a temporary folder: the cached files are never opened by it.
  const workDir = mkdtempSync(join(tmpdir(), 'maktab-bench-core-'));
  try {
    const dataDir = join(workDir, 'large');
    const smallDir = join(workDir, 'small');
    const file = installDatabase(generated.file, dataDir);
    installDatabase(small.file, smallDir);

    const firstOpen = await openCore(dataDir);
    await openCore(smallDir);

    const plain: number[] = [];
    const ready: number[] = [];
    const construct: number[] = [];
    const firstDispatch: number[] = [];
    const checked: number[] = [];
    const readySmall: number[] = [];
    const steps = new Map<StepName, number[]>(stepNames.map((name) => [name, []]));
    const workerCheck: number[] = [];
    const inlineCheck: number[] = [];
    // Interleaved, so a burst of noise on the shared machine hits every measure alike.
    for (let round = 0; round < rounds; round++) {
      plain.push(openPlain(file));
      const open = await openCore(dataDir);
      ready.push(open.readyMs);
      construct.push(open.constructMs);
      firstDispatch.push(open.firstDispatchMs);
      checked.push(open.integrityCheckedMs);
      readySmall.push((await openCore(smallDir)).readyMs);
      const byStep = await openStepByStep(dataDir, INLINE_CHECK_MAX_BYTES);
      for (const name of stepNames) steps.get(name)?.push(byStep.steps[name]);
      if (byStep.workerCheckMs !== null) workerCheck.push(byStep.workerCheckMs);
      inlineCheck.push(byStep.inlineCheckMs);
    }

    console.log(`  daily backup: ${backupRounds} rounds of core.tick() on a copy...`);
    const backups: DailyBackupRound[] = [];
    for (let round = 0; round < backupRounds; round++) {
      backups.push(await measureDailyBackup(dataDir, generated.counts.audit_log ?? 0));
    }
    const worst = backups.reduce((a, b) => (b.during.longestGapMs > a.during.longestGapMs ? b : a));

    const result: CoreReadyResult = {
      dataset: {
        counts: generated.counts,
        sizeBytes: generated.sizeBytes,
        generationMs: generated.generationMs,
      },
      generatedNow: !generated.fromCache,
      targetMs,
      inlineCheckMaxBytes: INLINE_CHECK_MAX_BYTES,
      checkDeferred: generated.sizeBytes > INLINE_CHECK_MAX_BYTES,
      baselinePlainOpen: summarize(plain),
      coreReady: summarize(ready),
      coreConstruct: summarize(construct),
      coreFirstDispatch: summarize(firstDispatch),
      coreReadySmall: summarize(readySmall),
      smallDataset: { counts: small.counts, sizeBytes: small.sizeBytes },
      firstOpen,
      steps: Object.fromEntries(
        stepNames.map((name) => [name, summarize(steps.get(name) ?? [])]),
      ) as Record<StepName, Summary>,
      integrity: {
        coreCheckedMs: summarize(checked),
        workerMs: workerCheck.length > 0 ? summarize(workerCheck) : null,
        inlineReferenceMs: summarize(inlineCheck),
      },
      dailyBackup: {
        rounds: backups.map(({ tickMs, backupBytes, idle, during }) => ({
          tickMs,
          backupBytes,
          idle,
          during,
        })),
        tickMs: summarize(backups.map((round) => round.tickMs)),
        backupBytes: worst.backupBytes,
        sourceBytes: statSync(file).size,
        idle: pool(
          backups.flatMap((round) => round.idleLatencies),
          backups.map((round) => round.idle),
        ),
        during: pool(
          backups.flatMap((round) => round.duringLatencies),
          backups.map((round) => round.during),
        ),
        worstGap: {
          gapMs: worst.during.longestGapMs,
          endedAtMs: worst.during.longestGapEndMs,
          backupMs: worst.tickMs,
        },
        homeCountsMs: summarize(backups.flatMap((round) => round.homeCountsMs)),
      },
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
        'first start in this process (cold caches; not in the median)',
        ms(result.firstOpen.readyMs),
        '',
        ratio(result.firstOpen.readyMs, base),
        `<= ${targetMs} ms: ${verdict(result.firstOpen.readyMs, targetMs)}`,
      ],
    ],
  );
  const total = stepNames.reduce((sum, name) => sum + result.steps[name].median, 0);
  printTable(
    `Core start path, step by step (same functions and SQL as core, run one at a time; ` +
      `${mb(result.dataset.sizeBytes)} ${result.checkDeferred ? '>' : '<='} ` +
      `${mb(result.inlineCheckMaxBytes)})`,
    ['step', 'median', 'min – max', 'share'],
    [
      ...stepNames.map((name) => [
        name,
        ms(result.steps[name].median),
        range(result.steps[name]),
        `${((result.steps[name].median / total) * 100).toFixed(0)}%`,
      ]),
      ['sum of the steps', ms(total), '', '100%'],
    ],
  );
  const { integrity } = result;
  printTable(
    `Integrity check after ready (${result.checkDeferred ? 'background worker thread, read-only connection' : 'file small enough: checked inline, in the steps above'}); median of ${rounds}`,
    ['measure', 'median', 'min – max', 'x baseline'],
    [
      [
        'new Core until core.integrityChecked resolved (verdict ok: status still ok)',
        ms(integrity.coreCheckedMs.median),
        range(integrity.coreCheckedMs),
        '',
      ],
      ...(integrity.workerMs
        ? [
            [
              '  the worker alone: spawn to verdict ok (step by step)',
              ms(integrity.workerMs.median),
              range(integrity.workerMs),
              '',
            ],
          ]
        : []),
      [
        'reference: quick_check(1) inline on the main connection (start-up cost if run inline)',
        ms(integrity.inlineReferenceMs.median),
        range(integrity.inlineReferenceMs),
        ratio(integrity.inlineReferenceMs.median, base),
      ],
    ],
  );
  const backup = result.dailyBackup;
  const seconds = (value: number): string => `${(value / 1000).toFixed(1)} s`;
  printTable(
    `Daily backup: core.tick() with a backup due, signed in as the administrator; ` +
      `median of ${backupRounds}`,
    ['measure', 'median', 'min – max', ''],
    [
      [
        'core.tick() until it resolves (stepped online backup, 256 pages a step)',
        seconds(backup.tickMs.median),
        `${seconds(backup.tickMs.min)} – ${seconds(backup.tickMs.max)}`,
        `${((backup.backupBytes / 1024 / 1024 / backup.tickMs.median) * 1000).toFixed(0)} MB/s`,
      ],
      [
        'backup file (database file)',
        mb(backup.backupBytes),
        '',
        `${mb(backup.sourceBytes)} source`,
      ],
      [
        'reference: one home:counts call, no backup (counts every pending change)',
        ms(backup.homeCountsMs.median),
        range(backup.homeCountsMs),
        '',
      ],
    ],
  );
  const probeRow = (label: string, probe: PooledProbe): string[] => [
    label,
    String(probe.calls),
    ms(probe.latencyP50Ms),
    ms(probe.latencyP99Ms),
    ms(probe.latencyMaxMs),
    ms(probe.longestGapMs),
  ];
  printTable(
    `Core's responsiveness: session:status ${probeIntervalMs} ms after each answer; latency = due ` +
      `to answered; ${backupRounds} rounds pooled`,
    ['probe', 'calls', 'latency p50', 'p99', 'max', 'longest gap between answers'],
    [
      probeRow(`baseline: no backup running (${seconds(idleProbeMs)} a round)`, backup.idle),
      probeRow('during the daily backup', backup.during),
      [
        '  x baseline',
        '',
        ratio(backup.during.latencyP50Ms, backup.idle.latencyP50Ms),
        ratio(backup.during.latencyP99Ms, backup.idle.latencyP99Ms),
        ratio(backup.during.latencyMaxMs, backup.idle.latencyMaxMs),
        ratio(backup.during.longestGapMs, backup.idle.longestGapMs),
      ],
    ],
  );
  console.log(
    `  longest gap during a backup: ${ms(backup.worstGap.gapMs)}, ended ` +
      `${seconds(backup.worstGap.endedAtMs)} into a ${seconds(backup.worstGap.backupMs)} backup ` +
      `(the gap includes the ${probeIntervalMs} ms between an answer and the next call)`,
  );
}

if (isEntryPoint(import.meta.url)) {
  await runCoreReadyBench(Number(process.argv[2] ?? 200_000));
}
