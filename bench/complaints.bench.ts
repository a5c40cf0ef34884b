/**
 * Issue 3, item 11: the complaints register at scale, through the real dispatcher. On 200,000
 * complaints and 1,000,000 timeline events (bench/generate/complaint-data.ts), signed in as a
 * clerk with a department:
 *   (a) `complaints:queue`, first page of 50 of every saved view sorted by days left: p95 <= 10 ms,
 *       against `SELECT * FROM complaints LIMIT 50`;
 *   (b) full-text search (rare and very common words, prefixes, numbers, names): p95 <= 30 ms,
 *       against the same FTS5 MATCH as a bare `SELECT rowid ... LIMIT 50`;
 *   (c) `cases:get` of a case with 50 events: p95 <= 5 ms, against `SELECT * FROM complaints
 *       WHERE id = ?`;
 *   (d) this process's peak RSS <= 300 MB (the generator runs in a child process of its own).
 * Then a diagnostic pass times each SQL statement the handlers run and explains its plan.
 *
 *   npx tsx bench/complaints.bench.ts [complaints] [events]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Core } from '../src/core/core';
import type { Db } from '../src/core/db/connection';
import { queueViews, type QueueView } from '../src/shared/api/procedures/complaints.procedures';
import type { ApiResult } from '../src/shared/errors';
import { matchExpression } from '../src/shared/text/search-tokens';
import { installDatabase } from './generate/bench-database';
import { complaintDatabaseInChild, complaintDataset, datasetNow } from './generate/complaint-data';
import { complaintVocabulary } from './generate/complaint-text';
import { platformPassword } from './generate/datasets';
import { Random } from './generate/random';
import { fineMs, peakRssBytes, SampleSet, type Latency } from './support/latency';
import {
  isEntryPoint,
  mb,
  printTable,
  ratio,
  verdict,
  writeResult,
  type Cell,
} from './support/report';
import { StatementProfiler, type StatementProfile } from './support/statement-profiler';

const targets = { queueP95Ms: 10, searchP95Ms: 30, caseP95Ms: 5, peakRssMb: 300 };
const warmUpRounds = 3;
const queueRounds = 150;
const searchRounds = 30;
const caseRounds = 400;
const pageSize = 50;
const daysLeftAscending = { field: 'daysLeft', direction: 'asc' } as const;
/** Views a search runs in: the default one, and `all`, where an old case is looked for. */
const searchViews = ['open', 'all'] as const satisfies readonly QueueView[];

interface Clerk {
  id: string;
  username: string;
  departmentId: string;
  openAssigned: number;
}

interface SearchQuery {
  label: string;
  text: string;
}

export interface MeasureRow {
  name: string;
  latency: Latency;
  baseline: Latency;
  /** Rows on the first page and the view's total (capped by core). */
  rows?: number;
  total?: number;
  /** FTS matches of the query, for searches. */
  matches?: number;
}

export interface ComplaintsBenchResult {
  dataset: { counts: Record<string, number>; sizeBytes: number; generationMs: number };
  generatedNow: boolean;
  targets: typeof targets;
  today: string;
  clerk: { username: string; openAssigned: number };
  queue: { views: MeasureRow[]; pooled: Latency; baselinePooled: Latency; worstP95: number };
  search: {
    byView: Record<(typeof searchViews)[number], { queries: MeasureRow[]; pooled: Latency }>;
    baselinePooled: Latency;
    worstP95: number;
  };
  caseOpen: { fiftyEvents: MeasureRow; longest: MeasureRow & { events: number }; cases: number };
  rss: { afterOpenMb: number; afterQueueMb: number; afterSearchMb: number; peakMb: number };
  diagnostics: Record<string, StatementProfile[]>;
}

function expectOk<T>(result: ApiResult<T>, what: string): T {
  if (!result.ok) throw new Error(`${what} failed: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** The clerk with the most open cases assigned: 'mine' and 'my department' are not empty. */
function busiestClerk(db: Db): Clerk {
  const row = db
    .prepare(
      `SELECT u.id, u.username, u.department_id AS departmentId, count(*) AS openAssigned
       FROM complaints c JOIN users u ON u.id = c.assignee_id
       WHERE c.next_due_on IS NOT NULL AND u.department_id IS NOT NULL
         AND EXISTS (SELECT 1 FROM json_each(u.roles) WHERE value = 'clerk')
       GROUP BY u.id ORDER BY openAssigned DESC LIMIT 1`,
    )
    .get() as Clerk | undefined;
  if (!row) throw new Error('no clerk holds an open case');
  return row;
}

/** Rare and very common words, prefixes, a number, a phone, names; some spelled otherwise. */
function searchQueries(db: Db, seed: number): SearchQuery[] {
  const vocabulary = complaintVocabulary(new Random(seed + 1));
  const sample = db
    .prepare(
      `SELECT local_number, official_number, citizen_phone FROM complaints
       WHERE citizen_phone IS NOT NULL AND official_number IS NOT NULL
       ORDER BY rowid LIMIT 1 OFFSET (SELECT count(*) / 3 FROM complaints)`,
    )
    .get() as { local_number: string; official_number: string; citizen_phone: string };
  const rare = vocabulary.slice(-3);
  return [
    { label: 'very common word', text: 'الإنارة' },
    { label: 'very common word, without hamza', text: 'الانارة' },
    { label: 'very common word', text: 'النفايات' },
    { label: 'common word, spelled with ه', text: 'العموميه' },
    { label: 'district (2 common words)', text: 'حي السلام' },
    { label: 'street (3 words)', text: 'شارع محمد الخامس' },
    { label: '2-letter prefix', text: 'حف' },
    { label: '3-letter prefix after the article (typing has just begun)', text: 'الم' },
    { label: '2-letter prefix', text: 'مد' },
    { label: 'prefix', text: 'مصاب' },
    { label: 'rare word', text: rare[0] ?? 'فالنافورات' },
    { label: 'rare word', text: rare[1] ?? 'كالمسبح' },
    { label: 'family name', text: 'الطود' },
    { label: 'full name', text: 'ياسين الطود' },
    { label: 'official number', text: sample.official_number },
    { label: 'local number', text: sample.local_number },
    { label: 'phone, Eastern digits', text: toEasternDigits(sample.citizen_phone) },
    { label: 'French word, no accent', text: 'eclairage' },
    { label: 'word absent from the register', text: 'طائرة' },
  ];
}

function toEasternDigits(text: string): string {
  return text.replace(/[0-9]/g, (digit) => '٠١٢٣٤٥٦٧٨٩'[Number(digit)] ?? digit);
}

function queueInput(view: QueueView, search?: string) {
  return {
    page: 0,
    pageSize,
    view,
    sort: daysLeftAscending,
    filters: {},
    ...(search === undefined ? {} : { search }),
  };
}

interface QueuePage {
  rows: unknown[];
  total: number;
}

function measureQueue(core: Core, db: Db): { rows: MeasureRow[]; samples: SampleSet } {
  const samples = new SampleSet();
  const baseline = db.prepare('SELECT * FROM complaints LIMIT 50');
  const pages = new Map<QueueView, QueuePage>();
  for (let round = -warmUpRounds; round < queueRounds; round++) {
    const set = round < 0 ? new SampleSet() : samples;
    for (const view of queueViews) {
      set.time('baseline', () => baseline.all());
      const page = set.time(
        view,
        () =>
          expectOk(
            core.dispatch('complaints:queue', queueInput(view)) as ApiResult<QueuePage>,
            view,
          ),
        ['every view'],
      );
      pages.set(view, page);
    }
  }
  const rows = queueViews.map((view) => {
    const page = pages.get(view);
    if (page && page.rows.length !== Math.min(pageSize, page.total))
      throw new Error(`${view}: ${page.rows.length} rows for a total of ${page.total}`);
    return {
      name: view,
      latency: samples.latency(view),
      baseline: samples.latency('baseline'),
      rows: page?.rows.length ?? 0,
      total: page?.total ?? 0,
    };
  });
  return { rows, samples };
}

function measureSearch(
  core: Core,
  db: Db,
  queries: SearchQuery[],
): { byView: ComplaintsBenchResult['search']['byView']; baselinePooled: Latency } {
  const samples = new SampleSet();
  const baseline = db.prepare(
    'SELECT rowid FROM complaints_search WHERE complaints_search MATCH ? LIMIT 50',
  );
  const counter = db.prepare(
    'SELECT count(*) AS n FROM complaints_search WHERE complaints_search MATCH ?',
  );
  for (let round = -warmUpRounds; round < searchRounds; round++) {
    const set = round < 0 ? new SampleSet() : samples;
    for (const query of queries) {
      const expression = matchExpression(query.text);
      if (expression === null) throw new Error(`nothing to search in ${query.text}`);
      set.time(`baseline ${query.text}`, () => baseline.all(expression), ['baseline']);
      for (const view of searchViews) {
        set.time(
          `${view} ${query.text}`,
          () =>
            expectOk(
              core.dispatch(
                'complaints:queue',
                queueInput(view, query.text),
              ) as ApiResult<QueuePage>,
              `search ${query.text}`,
            ),
          [view],
        );
      }
    }
  }
  const byView = Object.fromEntries(
    searchViews.map((view) => [
      view,
      {
        queries: queries.map((query) => {
          const page = expectOk(
            core.dispatch('complaints:queue', queueInput(view, query.text)) as ApiResult<QueuePage>,
            query.text,
          );
          return {
            name: `${query.label}: ${query.text}`,
            latency: samples.latency(`${view} ${query.text}`),
            baseline: samples.latency(`baseline ${query.text}`),
            rows: page.rows.length,
            total: page.total,
            matches: (counter.get(matchExpression(query.text)) as { n: number }).n,
          };
        }),
        pooled: samples.latency(view),
      },
    ]),
  ) as ComplaintsBenchResult['search']['byView'];
  return { byView, baselinePooled: samples.latency('baseline') };
}

interface CaseIds {
  fifty: string[];
  longest: { id: string; events: number };
}

function caseIds(db: Db): CaseIds {
  const fifty = (
    db
      .prepare(
        `SELECT complaint_id AS id FROM complaint_events GROUP BY complaint_id
         HAVING count(*) = 50 LIMIT 40`,
      )
      .all() as { id: string }[]
  ).map((row) => row.id);
  const longest = db
    .prepare(
      `SELECT complaint_id AS id, count(*) AS events FROM complaint_events
       GROUP BY complaint_id ORDER BY events DESC LIMIT 1`,
    )
    .get() as { id: string; events: number };
  if (fifty.length === 0) throw new Error('no case has exactly 50 events');
  return { fifty, longest };
}

function measureCases(core: Core, db: Db, ids: CaseIds): ComplaintsBenchResult['caseOpen'] {
  const samples = new SampleSet();
  const baseline = db.prepare('SELECT * FROM complaints WHERE id = ?');
  for (let round = -warmUpRounds * 10; round < caseRounds; round++) {
    const set = round < 0 ? new SampleSet() : samples;
    const id = ids.fifty[Math.abs(round) % ids.fifty.length] ?? '';
    set.time('baseline', () => baseline.get(id));
    const detail = set.time('fifty', () =>
      expectOk(core.dispatch('cases:get', { id }) as ApiResult<{ events: unknown[] }>, 'cases:get'),
    );
    if (detail.events.length !== 50) throw new Error(`case ${id}: ${detail.events.length} events`);
    set.time('longest', () => core.dispatch('cases:get', { id: ids.longest.id }));
  }
  return {
    cases: ids.fifty.length,
    fiftyEvents: {
      name: 'cases:get, 50 events',
      latency: samples.latency('fifty'),
      baseline: samples.latency('baseline'),
    },
    longest: {
      name: `cases:get, the longest case (${ids.longest.events} events)`,
      latency: samples.latency('longest'),
      baseline: samples.latency('baseline'),
      events: ids.longest.events,
    },
  };
}

function signIn(core: Core, clerk: Clerk): void {
  expectOk(
    core.dispatch('session:signIn', { username: clerk.username, password: platformPassword }),
    'sign-in',
  );
}

/**
 * One more pass on a fresh core whose connection times each statement: which SQL the handlers
 * run, how long each takes, and SQLite's plan for it. Not part of the figures above.
 */
function diagnose(
  dataDir: string,
  now: number,
  clerk: Clerk,
  queries: SearchQuery[],
  ids: CaseIds,
): Record<string, StatementProfile[]> {
  const core = new Core({ dataDir, wallClock: () => now });
  try {
    const profiler = new StatementProfiler(core.database());
    signIn(core, clerk);
    const diagnostics: Record<string, StatementProfile[]> = {};
    const pass = (name: string, work: () => void): void => {
      work();
      profiler.reset();
      for (let i = 0; i < 5; i++) work();
      diagnostics[name] = profiler.profiles().slice(0, 6);
    };
    for (const view of queueViews)
      pass(`queue ${view}`, () => core.dispatch('complaints:queue', queueInput(view)));
    for (const query of queries) {
      for (const view of searchViews) {
        pass(`search ${view} "${query.text}"`, () =>
          core.dispatch('complaints:queue', queueInput(view, query.text)),
        );
      }
    }
    pass('cases:get 50 events', () => core.dispatch('cases:get', { id: ids.fifty[0] ?? '' }));
    return diagnostics;
  } finally {
    core.close();
  }
}

export async function runComplaintsBench(
  complaints = 200_000,
  events = complaints * 5,
): Promise<ComplaintsBenchResult> {
  const spec = complaintDataset(complaints, events);
  console.log(`complaints: preparing ${complaints} complaints and ${events} events...`);
  const generated = complaintDatabaseInChild(complaints, events);
  console.log(
    `  ${generated.fromCache ? 'reused cached' : 'generated'} ${generated.file} ` +
      `(${mb(generated.sizeBytes)}, generated in ${(generated.generationMs / 1000).toFixed(1)} s)`,
  );
  const now = datasetNow(spec);
  const workDir = mkdtempSync(join(tmpdir(), 'maktab-bench-complaints-'));
  try {
    const dataDir = join(workDir, 'data');
    installDatabase(generated.file, dataDir);
    // "Today" is the last day of the generated period, whenever the benchmark runs.
    const core = new Core({ dataDir, wallClock: () => now });
    let result: ComplaintsBenchResult;
    try {
      await core.integrityChecked;
      const db = core.database();
      const clerk = busiestClerk(db);
      signIn(core, clerk);
      const afterOpen = peakRssBytes();
      const queries = searchQueries(db, spec.seed);
      const ids = caseIds(db);

      console.log(`  queue: ${queueRounds} rounds of the ${queueViews.length} saved views...`);
      const queue = measureQueue(core, db);
      const afterQueue = peakRssBytes();
      console.log(`  search: ${searchRounds} rounds of ${queries.length} queries...`);
      const search = measureSearch(core, db, queries);
      const afterSearch = peakRssBytes();
      console.log(`  case page: ${caseRounds} openings of ${ids.fifty.length} cases...`);
      const caseOpen = measureCases(core, db, ids);
      const peak = peakRssBytes();
      core.close();

      console.log('  diagnostics: statement times and plans...');
      const diagnostics = diagnose(dataDir, now, clerk, queries, ids);
      const queueAll = queueViews.map((view) => queue.samples.latency(view).p95);
      const searchAll = searchViews.flatMap((view) =>
        search.byView[view].queries.map((row) => row.latency.p95),
      );
      result = {
        dataset: {
          counts: generated.counts,
          sizeBytes: generated.sizeBytes,
          generationMs: generated.generationMs,
        },
        generatedNow: !generated.fromCache,
        targets,
        today: spec.to,
        clerk: { username: clerk.username, openAssigned: clerk.openAssigned },
        queue: {
          views: queue.rows,
          pooled: queue.samples.latency('every view'),
          baselinePooled: queue.samples.latency('baseline'),
          worstP95: Math.max(...queueAll),
        },
        search: {
          byView: search.byView,
          baselinePooled: search.baselinePooled,
          worstP95: Math.max(...searchAll),
        },
        caseOpen,
        rss: {
          afterOpenMb: afterOpen / 1024 / 1024,
          afterQueueMb: afterQueue / 1024 / 1024,
          afterSearchMb: afterSearch / 1024 / 1024,
          peakMb: peak / 1024 / 1024,
        },
        diagnostics,
      };
    } finally {
      core.close();
    }
    report(result);
    const written = writeResult('complaints', result);
    console.log(`\n  results: ${written}`);
    return result;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

function measureRow(row: MeasureRow, target: number, extra: Cell[] = []): Cell[] {
  return [
    row.name,
    fineMs(row.latency.p95),
    fineMs(row.latency.p50),
    fineMs(row.latency.max),
    fineMs(row.baseline.p95),
    ratio(row.latency.p95, row.baseline.p95),
    ...extra,
    `<= ${target} ms: ${verdict(row.latency.p95, target)}`,
  ];
}

function report(result: ComplaintsBenchResult): void {
  const { counts } = result.dataset;
  const header = ['measure', 'p95', 'p50', 'max', 'baseline p95', 'x baseline'];
  printTable(
    `(a) complaints:queue, first page of ${pageSize} sorted by days left, signed in as clerk ` +
      `${result.clerk.username} (${result.clerk.openAssigned} open cases assigned); ` +
      `${counts.complaints ?? 0} complaints, today ${result.today}; ${queueRounds} calls a view; ` +
      'baseline: SELECT * FROM complaints LIMIT 50',
    [...header, 'rows / total', 'target'],
    [
      ...result.queue.views.map((row) =>
        measureRow(row, result.targets.queueP95Ms, [`${row.rows} / ${row.total}`]),
      ),
      measureRow(
        {
          name: 'every view pooled',
          latency: result.queue.pooled,
          baseline: result.queue.baselinePooled,
        },
        result.targets.queueP95Ms,
        [''],
      ),
    ],
  );
  for (const view of searchViews) {
    const byView = result.search.byView[view];
    printTable(
      `(b) search in view '${view}', first page sorted by days left; ${searchRounds} calls a ` +
        'query; baseline: the same MATCH as SELECT rowid ... LIMIT 50',
      [...header, 'matches', 'target'],
      [
        ...byView.queries.map((row) =>
          measureRow(row, result.targets.searchP95Ms, [String(row.matches ?? '')]),
        ),
        measureRow(
          {
            name: 'all queries pooled',
            latency: byView.pooled,
            baseline: result.search.baselinePooled,
          },
          result.targets.searchP95Ms,
          [''],
        ),
      ],
    );
  }
  const caseOpen = result.caseOpen;
  printTable(
    `(c) cases:get (a query that also writes its personal-data audit entry), ${caseRounds} ` +
      `openings over ${caseOpen.cases} cases; baseline: SELECT * FROM complaints WHERE id = ?`,
    [...header, 'target'],
    [
      measureRow(caseOpen.fiftyEvents, result.targets.caseP95Ms),
      measureRow(caseOpen.longest, result.targets.caseP95Ms),
    ],
  );
  const rss = result.rss;
  printTable(
    '(d) this process: peak resident set (getrusage maxRSS; the integrity check worker included)',
    ['after', 'peak RSS so far', 'target'],
    [
      ['core open, integrity checked, signed in', `${rss.afterOpenMb.toFixed(1)} MB`, ''],
      ['queue', `${rss.afterQueueMb.toFixed(1)} MB`, ''],
      ['search', `${rss.afterSearchMb.toFixed(1)} MB`, ''],
      [
        'case pages (end)',
        `${rss.peakMb.toFixed(1)} MB`,
        `<= ${result.targets.peakRssMb} MB: ${verdict(rss.peakMb, result.targets.peakRssMb)}`,
      ],
    ],
  );
  // Where the time goes for each measure that missed its target.
  const missed: string[] = [];
  for (const row of result.queue.views) {
    if (row.latency.p95 > result.targets.queueP95Ms) missed.push(`queue ${row.name}`);
  }
  for (const view of searchViews) {
    for (const query of searchQueriesOf(result, view)) {
      if (query.latency.p95 > result.targets.searchP95Ms)
        missed.push(`search ${view} "${query.text}"`);
    }
  }
  if (caseOpen.fiftyEvents.latency.p95 > result.targets.caseP95Ms)
    missed.push('cases:get 50 events');
  for (const name of missed) {
    const profiles = result.diagnostics[name] ?? [];
    console.log(`\nMissed: ${name}; its statements (5 calls), slowest first:`);
    for (const profile of profiles.slice(0, 3)) {
      console.log(
        `  ${fineMs(profile.totalMs / profile.calls)} a call (max ${fineMs(profile.maxMs)}): ` +
          profile.sql.slice(0, 240),
      );
      for (const line of profile.plan) console.log(`      ${line}`);
    }
  }
}

function searchQueriesOf(
  result: ComplaintsBenchResult,
  view: (typeof searchViews)[number],
): (MeasureRow & { text: string })[] {
  return result.search.byView[view].queries.map((row) => ({
    ...row,
    text: row.name.slice(row.name.indexOf(': ') + 2),
  }));
}

if (isEntryPoint(import.meta.url)) {
  const complaints = Number(process.argv[2] ?? 200_000);
  await runComplaintsBench(complaints, Number(process.argv[3] ?? complaints * 5));
}
