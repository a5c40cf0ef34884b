import type { StoredValue } from '../../shared/sync/stored-values';
import type { ServerDb } from '../db/server-db';
import { encodeCellValue } from './cell-values';

/**
 * THE TRAP (DESIGN.md, Sync): with concurrent writers, sequence numbers can commit out of order,
 * and a client whose cursor passed seq 12 never sees seq 11 committing after. So every append
 * numbers its entries from one counter row, updated in the append's own statement: the update
 * waits for the row's previous writer to commit, then reads its latest value, and keeps the row
 * locked until this transaction commits. Seq order is commit order, also across several server
 * processes on one PostgreSQL, a rolled-back append gives its numbers back (gapless), and a
 * reader only ever sees a prefix of the log that can no longer grow in the middle.
 *
 * The counter is a row of register_counters (the table of gapless counters) under a name no
 * register has; created from the log's top the first time. Appends hold it for one statement and
 * a commit, nothing more.
 */
const logCounter = { register: '~change_log', year: 0 };

/** The advisory lock of lockChangeLog. */
const changeLogLockKey = 7_262_502;

/**
 * Runs a whole writer alone among those that take this lock too (website intake, the first
 * administrator), until commit. Appending needs only the counter: its row is always the last lock
 * a writer takes (after row locks and a register's counter), so no two writers wait on each other
 * in a circle.
 */
export async function lockChangeLog(tx: ServerDb): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [changeLogLockKey]);
}

export interface LogEntry {
  id: string;
  tbl: string;
  rowId: string;
  col: string;
  value: StoredValue;
  hlc: string;
  userId: string | null;
  deviceId: string;
  schemaVersion: number;
}

export interface CellWrite {
  tbl: string;
  rowId: string;
  col: string;
  value: StoredValue;
  hlc: string;
  seq: number;
}

/** Appends entries in order and returns their sequence numbers. Call inside a transaction. */
export function appendToLog(
  tx: ServerDb,
  entries: readonly LogEntry[],
  receivedAt: Date,
): Promise<number[]> {
  return appendToLogWithCells(tx, entries, new Set(), receivedAt);
}

/**
 * Writes the latest value of cells, last-writer-wins by HLC: the database keeps the greater stamp
 * even if a caller got it wrong. One write per cell per call (PostgreSQL refuses two).
 */
export async function writeCells(tx: ServerDb, cells: readonly CellWrite[]): Promise<void> {
  if (cells.length === 0) return;
  await tx.query(
    `INSERT INTO cells (tbl, row_id, col, value, hlc, seq)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[])
     ON CONFLICT (tbl, row_id, col) DO UPDATE
       SET value = excluded.value, hlc = excluded.hlc, seq = excluded.seq
       WHERE excluded.hlc COLLATE "C" > cells.hlc COLLATE "C"`,
    [
      cells.map((c) => c.tbl),
      cells.map((c) => c.rowId),
      cells.map((c) => c.col),
      cells.map((c) => encodeCellValue(c.value)),
      cells.map((c) => c.hlc),
      cells.map((c) => c.seq),
    ],
  );
}

/**
 * Appends entries in order and writes the cells they win (`wins`: their indexes), last-writer-wins
 * as writeCells, in one statement that also takes their numbers from the log's counter (see the
 * head of this file): the counter is held from this statement to the commit. Returns the entries'
 * sequence numbers. Call inside a transaction.
 */
export async function appendToLogWithCells(
  tx: ServerDb,
  entries: readonly LogEntry[],
  wins: ReadonlySet<number>,
  receivedAt: Date,
): Promise<number[]> {
  if (entries.length === 0) return [];
  const [counter] = await tx.query<{ base: number }>(
    `WITH counter AS (
       INSERT INTO register_counters (register, year, last)
       SELECT $12, $13, COALESCE(MAX(seq), 0) + $14 FROM change_log
       ON CONFLICT (register, year) DO UPDATE SET last = register_counters.last + $14
       RETURNING last - $14 AS base
     ),
     e AS (
       SELECT (SELECT base FROM counter) + e.ord AS seq, e.*
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[],
                   $7::uuid[], $8::text[], $9::int[])
         WITH ORDINALITY AS e(id, tbl, row_id, col, value, hlc, user_id, device_id, schema_version,
                              ord)
     ),
     logged AS (
       INSERT INTO change_log
         (seq, id, tbl, row_id, col, value, hlc, user_id, device_id, schema_version, received_at)
       SELECT seq, id, tbl, row_id, col, value, hlc, user_id, device_id, schema_version, $11
       FROM e
     ),
     written AS (
       INSERT INTO cells (tbl, row_id, col, value, hlc, seq)
       SELECT tbl, row_id, col, value, hlc, seq FROM e WHERE ord = ANY($10::bigint[])
       ON CONFLICT (tbl, row_id, col) DO UPDATE
         SET value = excluded.value, hlc = excluded.hlc, seq = excluded.seq
         WHERE excluded.hlc COLLATE "C" > cells.hlc COLLATE "C"
     )
     SELECT base FROM counter`,
    [
      entries.map((e) => e.id),
      entries.map((e) => e.tbl),
      entries.map((e) => e.rowId),
      entries.map((e) => e.col),
      entries.map((e) => encodeCellValue(e.value)),
      entries.map((e) => e.hlc),
      entries.map((e) => e.userId),
      entries.map((e) => e.deviceId),
      entries.map((e) => e.schemaVersion),
      [...wins].map((index) => index + 1),
      receivedAt,
      logCounter.register,
      logCounter.year,
      entries.length,
    ],
  );
  if (!counter) throw new Error('the log counter was not written');
  const first = Number(counter.base) + 1;
  return entries.map((_, index) => first + index);
}
