import type { StoredValue } from '../../shared/sync/stored-values';
import type { ServerDb } from '../db/server-db';
import { encodeCellValue } from './cell-values';

/**
 * THE TRAP (DESIGN.md, Sync): with concurrent writers, sequence numbers can commit out of order,
 * and a client whose cursor passed seq 12 never sees seq 11 committing after. So every transaction
 * that appends to the log first takes this one transaction-scoped advisory lock, held until commit,
 * and numbers its entries max+1 inside it: seq order is commit order, also across several server
 * processes on one PostgreSQL, and a reader only ever sees a gapless prefix of the log.
 */
const changeLogLockKey = 7_262_502;

/** Waits for the log's lock; every push takes it before reading the cells it decides on. */
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
export async function appendToLog(
  tx: ServerDb,
  entries: readonly LogEntry[],
  receivedAt: Date,
): Promise<number[]> {
  if (entries.length === 0) return [];
  await lockChangeLog(tx);
  const [top] = await tx.query<{ last: number }>(
    'SELECT COALESCE(MAX(seq), 0) AS last FROM change_log',
  );
  const first = (top?.last ?? 0) + 1;
  const seqs = entries.map((_, index) => first + index);
  await tx.query(
    `INSERT INTO change_log
       (seq, id, tbl, row_id, col, value, hlc, user_id, device_id, schema_version, received_at)
     SELECT seq, id, tbl, row_id, col, value, hlc, user_id, device_id, schema_version, $11
     FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[],
                 $7::text[], $8::uuid[], $9::text[], $10::int[])
       AS e(seq, id, tbl, row_id, col, value, hlc, user_id, device_id, schema_version)`,
    [
      seqs,
      entries.map((e) => e.id),
      entries.map((e) => e.tbl),
      entries.map((e) => e.rowId),
      entries.map((e) => e.col),
      entries.map((e) => encodeCellValue(e.value)),
      entries.map((e) => e.hlc),
      entries.map((e) => e.userId),
      entries.map((e) => e.deviceId),
      entries.map((e) => e.schemaVersion),
      receivedAt,
    ],
  );
  return seqs;
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
