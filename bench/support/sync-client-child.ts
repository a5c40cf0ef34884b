/**
 * An app's core in its own Node process, so its peak RSS is its own (sync-first-pull.bench.ts):
 *
 *   sync-client-child.ts pull <serverUrl> <username> <password> <dataDir>
 *       a new core on an empty data folder joins the server (first-run screen) and pulls everything
 *   sync-client-child.ts baseline <generatedFile> <dataDir>
 *       a new core's database, then the same rows inserted raw, 5,000 rows a transaction
 *
 * Prints one JSON line (ClientRun) last on stdout.
 */
import Database from 'better-sqlite3';
import { Core } from '../../src/core/core';
import { syncedTables } from '../../src/shared/tables/registry';

export interface ClientRun {
  ms: number;
  peakRss: number;
  rows: Record<string, number>;
  detail: Record<string, unknown>;
}

const peakRss = (): number => process.resourceUsage().maxRSS * 1024;
/** CPU time of this process (user + system, every thread), in ms: less noisy than wall time. */
const cpuMs = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

function countRows(core: Core): Record<string, number> {
  const db = core.database();
  const rows: Record<string, number> = {};
  for (const table of Object.keys(syncedTables))
    rows[table] = (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return rows;
}

async function pull(serverUrl: string, username: string, password: string, dataDir: string) {
  // MAKTAB_BENCH_PULL_LIMIT=n: pages of n cells instead of the protocol's largest (diagnosis).
  const pullLimit = Number(process.env.MAKTAB_BENCH_PULL_LIMIT ?? 0);
  const core = new Core({ dataDir, ...(pullLimit > 0 ? { syncPullLimit: pullLimit } : {}) });
  await core.integrityChecked;
  const started = performance.now();
  const cpuBefore = cpuMs();
  const progress = setInterval(() => {
    const complaints = core.database().prepare('SELECT count(*) AS n FROM complaints').get() as {
      n: number;
    };
    process.stderr.write(
      `  first pull: ${((performance.now() - started) / 1000).toFixed(0)} s, ${complaints.n} complaints, RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB\n`,
    );
  }, 15_000);
  const joined = core.dispatch('sync:join', { serverUrl, username, password });
  if (!joined.ok) throw new Error(`sync:join: ${joined.error.code} ${joined.error.message}`);
  await core.sync.idle();
  const ms = performance.now() - started;
  const cpu = cpuMs() - cpuBefore;
  clearInterval(progress);
  const status = core.dispatch('sync:status', {});
  const db = core.database();
  const inbox = (db.prepare('SELECT count(*) AS n FROM sync_inbox').get() as { n: number }).n;
  const run: ClientRun = {
    ms,
    peakRss: peakRss(),
    rows: countRows(core),
    detail: { status: status.ok ? status.value : status.error, inbox, cpuMs: cpu },
  };
  core.close();
  return run;
}

function baseline(generatedFile: string, dataDir: string): ClientRun {
  const core = new Core({ dataDir });
  const db = core.database();
  const source = new Database(generatedFile, { readonly: true, fileMustExist: true });
  const started = performance.now();
  const cpuBefore = cpuMs();
  for (const table of Object.values(syncedTables)) {
    const columns = ['id', ...Object.keys(table.columns)];
    const read = source.prepare(`SELECT ${columns.join(', ')} FROM ${table.name}`).raw();
    const insert = db.prepare(
      `INSERT OR IGNORE INTO ${table.name} (${columns.join(', ')})
       VALUES (${columns.map(() => '?').join(', ')})`,
    );
    const write = db.transaction((rows: unknown[][]) => {
      for (const row of rows) insert.run(...row);
    });
    let rows: unknown[][] = [];
    for (const row of read.iterate() as Iterable<unknown[]>) {
      rows.push(row);
      if (rows.length === 5000) {
        write(rows);
        rows = [];
      }
    }
    write(rows);
  }
  const ms = performance.now() - started;
  const cpu = cpuMs() - cpuBefore;
  source.close();
  const run: ClientRun = { ms, peakRss: peakRss(), rows: countRows(core), detail: { cpuMs: cpu } };
  core.close();
  return run;
}

const [mode, ...args] = process.argv.slice(2);
let run: ClientRun;
if (mode === 'pull' && args.length === 4) {
  const [serverUrl, username, password, dataDir] = args as [string, string, string, string];
  run = await pull(serverUrl, username, password, dataDir);
} else if (mode === 'baseline' && args.length === 2) {
  const [generatedFile, dataDir] = args as [string, string];
  run = baseline(generatedFile, dataDir);
} else {
  throw new Error(
    'usage: sync-client-child.ts pull <url> <user> <password> <dir> | baseline <file> <dir>',
  );
}
console.log(JSON.stringify(run));
process.exit(0);
