import type { Statement } from 'better-sqlite3';
import type { SyncChange } from '../../shared/sync/protocol';
import type { Db } from '../db/connection';
import { isSqliteError } from '../db/startup';
import type { TableShape } from './table-shapes';

/**
 * The fast path of a first pull: rows that are not here yet, whole in the page, written as
 * multi-row INSERTs of finished rows and their cell clocks, without looking each row up first.
 * The INSERT itself is the check: a row already here (a page fetched again after a crash, a row
 * made here meanwhile) fails its statement, which SQLite undoes alone, and that chunk's rows take
 * the ordinary path (per-cell last-writer-wins). Nothing here is specific to a table: columns
 * come from the cells, completeness from the table's shape.
 */

/** A row seen in a batch: its table, id and the cells the batch brought for it, in order. */
export interface PulledRow {
  table: string;
  rowId: string;
  cells: SyncChange[];
}

/** Rows a statement: bound values stay well under SQLite's 32,766 whatever the table. */
const rowsPerStatement = 100;

const statementsByDb = new WeakMap<Db, Map<string, Statement>>();

function prepared(db: Db, key: string, sql: () => string): Statement {
  let statements = statementsByDb.get(db);
  if (!statements) {
    statements = new Map();
    statementsByDb.set(db, statements);
  }
  let found = statements.get(key);
  if (!found) {
    found = db.prepare(sql());
    statements.set(key, found);
  }
  return found;
}

/**
 * Whether a row can go in as it came: every column once (so each cell is its column's latest) and
 * every column the table requires. Anything else takes the ordinary path.
 */
export function isWholeRow(shape: TableShape, row: PulledRow): boolean {
  const columns = new Set<string>();
  for (const cell of row.cells) {
    if (columns.has(cell.column)) return false;
    columns.add(cell.column);
  }
  return shape.required.every((column) => columns.has(column));
}

/**
 * Inserts runs of whole rows of one table with the same columns, with their clocks, in the
 * caller's transaction. Returns the rows that could not go in this way (their chunk hit a
 * constraint), for the ordinary path; every other row is written.
 */
export function insertWholeRows(db: Db, rows: readonly PulledRow[]): PulledRow[] {
  const refused: PulledRow[] = [];
  let start = 0;
  while (start < rows.length) {
    const first = rows[start]!;
    const columns = first.cells.map((cell) => cell.column);
    let end = start + 1;
    while (
      end < rows.length &&
      end - start < rowsPerStatement &&
      sameColumns(rows[end]!, first.table, columns)
    )
      end += 1;
    const chunk = rows.slice(start, end);
    if (!insertChunk(db, first.table, columns, chunk)) refused.push(...chunk);
    start = end;
  }
  return refused;
}

function sameColumns(row: PulledRow, table: string, columns: readonly string[]): boolean {
  return (
    row.table === table &&
    row.cells.length === columns.length &&
    row.cells.every((cell, index) => cell.column === columns[index])
  );
}

function insertChunk(
  db: Db,
  table: string,
  columns: readonly string[],
  chunk: readonly PulledRow[],
): boolean {
  const rowValues = `(${['?', ...columns.map(() => '?')].join(', ')})`;
  const insert = prepared(
    db,
    `rows ${table} ${columns.join(',')} ${chunk.length}`,
    () =>
      `INSERT INTO ${table} (id, ${columns.join(', ')})
       VALUES ${Array.from({ length: chunk.length }, () => rowValues).join(', ')}`,
  );
  const values: (string | number | null)[] = [];
  for (const row of chunk) {
    values.push(row.rowId);
    for (const cell of row.cells) values.push(cell.value);
  }
  try {
    insert.run(values);
  } catch (error) {
    if (isSqliteError(error) && error.code.startsWith('SQLITE_CONSTRAINT')) return false;
    throw error;
  }
  const keepClocks = prepared(
    db,
    `clocks ${chunk.length}`,
    () =>
      `INSERT INTO sync_row_clocks (tbl, row_id, clocks)
       VALUES ${Array.from({ length: chunk.length }, () => '(?, ?, ?)').join(', ')}
       ON CONFLICT (tbl, row_id) DO UPDATE SET clocks = excluded.clocks`,
  );
  const clocks: string[] = [];
  for (const row of chunk) {
    const stamps: Record<string, string> = {};
    for (const cell of row.cells) stamps[cell.column] = cell.hlc;
    clocks.push(table, row.rowId, JSON.stringify(stamps));
  }
  keepClocks.run(clocks);
  return true;
}
