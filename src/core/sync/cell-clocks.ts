import { statement, type Db } from '../db/connection';

/**
 * A cell's clock: the latest stamp of the changes that hold it, for last-writer-wins. Two places
 * keep them. The change log (changes) has every change written here and every pulled change that
 * updated a row already here. A row that arrives whole from the server (a first pull's snapshot,
 * or a record created elsewhere) keeps its cells' stamps in one sync_row_clocks entry instead of
 * one change log entry per cell: a first pull of a commune's register is millions of cells, and
 * logging each one costs three times the insert of the rows themselves (measured, see report).
 */

/** The clock of a cell, or null for a cell never written through the log nor pulled. */
export function cellClock(db: Db, table: string, rowId: string, column: string): string | null {
  const logged = statement(
    db,
    `SELECT hlc FROM changes WHERE tbl = ? AND row_id = ? AND col = ? AND state <> 'rejected'
     ORDER BY hlc DESC LIMIT 1`,
  ).get(table, rowId, column) as { hlc: string } | undefined;
  const pulled = rowClock(db, table, rowId, column);
  if (logged === undefined) return pulled;
  return pulled !== null && pulled > logged.hlc ? pulled : logged.hlc;
}

/** The stamp a row pulled whole holds for one of its cells. */
export function rowClock(db: Db, table: string, rowId: string, column: string): string | null {
  const row = statement(
    db,
    'SELECT json_extract(clocks, ?) AS hlc FROM sync_row_clocks WHERE tbl = ? AND row_id = ?',
  ).get(`$.${column}`, table, rowId) as { hlc: string | null } | undefined;
  return row?.hlc ?? null;
}

/** The stamps of a row inserted whole from pulled cells, by column. */
export function keepRowClocks(
  db: Db,
  table: string,
  rowId: string,
  clocks: ReadonlyMap<string, string>,
): void {
  statement(
    db,
    `INSERT INTO sync_row_clocks (tbl, row_id, clocks) VALUES (?, ?, ?)
     ON CONFLICT (tbl, row_id) DO UPDATE SET clocks = excluded.clocks`,
  ).run(table, rowId, JSON.stringify(Object.fromEntries(clocks)));
}
