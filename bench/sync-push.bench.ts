/**
 * Issue 4, item 15 (b): a push of 1,000 edits, all accepted, over HTTP on loopback (two requests
 * of 500, the protocol's largest), against writing the same 1,000 cells straight into the server's
 * database in one transaction (the database's share), in the same run.
 *
 *   npx tsx bench/sync-push.bench.ts [rounds]   (default 7)
 */
import type { PushResult } from '../src/shared/sync/protocol';
import { appendToLog, writeCells, type LogEntry } from '../src/server/sync/change-log';
import { latencyOf, type Latency } from './support/latency';
import { ms, printTable, ratio, verdict, writeResult } from './support/report';
import { benchPassword, startBenchServer } from './support/sync-bench-server';
import { HttpDevice, pushInBatches } from './support/sync-http-device';
import { locationEdit, registerComplaints } from './support/sync-seed';

export interface SyncPushResult {
  backend: 'postgres' | 'pglite';
  edits: number;
  push: Latency;
  baselineDirectWrite: Latency | null;
  refused: PushResult[];
  targetMs: number;
}

const targetMs = 1000;
const edits = 1000;

async function main(): Promise<void> {
  const rounds = Number(process.argv[2] ?? 7);
  const server = await startBenchServer({ users: [{ username: 'benchclerk', roles: ['clerk'] }] });
  try {
    const device = await HttpDevice.signIn(server.process.url, 'benchclerk', benchPassword);
    const ids = await registerComplaints(device, edits);
    const pushes: number[] = [];
    const direct: number[] = [];
    const refused: PushResult[] = [];
    // Warm-up: the first request of a process compiles and connects.
    await pushInBatches(
      device,
      ids.slice(0, 10).map((id) => locationEdit(device, id)),
    );
    for (let round = 0; round < rounds; round += 1) {
      const changes = ids.map((id) => locationEdit(device, id));
      const started = performance.now();
      const outcome = await pushInBatches(device, changes, 500);
      pushes.push(performance.now() - started);
      refused.push(...outcome.refused);
      if (server.db) {
        const db = server.db;
        const entries: LogEntry[] = ids.map((id) => {
          const change = locationEdit(device, id);
          return { ...change, tbl: change.table, col: change.column };
        });
        const directStart = performance.now();
        await db.transaction(async (tx) => {
          const seqs = await appendToLog(tx, entries, new Date());
          await writeCells(
            tx,
            entries.map((entry, index) => ({ ...entry, seq: seqs[index] ?? 0 })),
          );
        });
        direct.push(performance.now() - directStart);
      }
    }
    const result: SyncPushResult = {
      backend: server.backend,
      edits,
      push: latencyOf(pushes),
      baselineDirectWrite: direct.length > 0 ? latencyOf(direct) : null,
      refused: refused.slice(0, 20),
      targetMs,
    };
    printTable(
      `Sync (b): push of ${edits} edits on loopback, server on ${server.backend}, ${rounds} rounds`,
      ['measure', 'median', 'max', 'baseline (median)', 'ratio', 'target'],
      [
        [
          'push 1,000 edits (2 x 500), all accepted',
          ms(result.push.p50),
          ms(result.push.max),
          result.baselineDirectWrite
            ? `${ms(result.baselineDirectWrite.p50)} same cells, direct SQL`
            : 'n/a (PGlite)',
          result.baselineDirectWrite ? ratio(result.push.p50, result.baselineDirectWrite.p50) : '',
          `<= ${targetMs} ms: ${verdict(result.push.p50, targetMs)}`,
        ],
        ['edits not accepted', String(refused.length), '', '', '', 'none'],
      ],
    );
    console.log(`written to ${writeResult('sync-push', result)}`);
  } finally {
    await server.stop();
  }
}

await main();
