import type { Statement } from 'better-sqlite3';
import type { SyncChange } from '../../shared/sync/protocol';
import {
  snapshotPageChanges,
  type SnapshotPage,
  type SnapshotRow,
} from '../../shared/sync/snapshot-page';
import { appSchemaVersion } from '../../shared/tables/schema-version';
import type { Db } from '../db/connection';
import { isSqliteError } from '../db/startup';
import { fitsStorage, tableShape, type TableShape } from './table-shapes';

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
  const values: (string | number | null)[] = [];
  for (const row of chunk) {
    values.push(row.rowId);
    for (const cell of row.cells) values.push(cell.value);
  }
  if (!insertRows(db, table, columns, chunk.length, values)) return false;
  const clocks: string[] = [];
  for (const row of chunk) {
    const stamps: Record<string, string> = {};
    for (const cell of row.cells) stamps[cell.column] = cell.hlc;
    clocks.push(table, row.rowId, JSON.stringify(stamps));
  }
  keepClocks(db, chunk.length, clocks);
  return true;
}

/** One statement for `count` rows (`values`: each row's id, then its columns' values). */
function insertRows(
  db: Db,
  table: string,
  columns: readonly string[],
  count: number,
  values: readonly (string | number | null)[],
): boolean {
  const rowValues = `(${['?', ...columns.map(() => '?')].join(', ')})`;
  const insert = prepared(
    db,
    `rows ${table} ${columns.join(',')} ${count}`,
    () =>
      `INSERT INTO ${table} (id, ${columns.join(', ')})
       VALUES ${Array.from({ length: count }, () => rowValues).join(', ')}`,
  );
  try {
    insert.run(values);
  } catch (error) {
    if (isSqliteError(error) && error.code.startsWith('SQLITE_CONSTRAINT')) return false;
    throw error;
  }
  return true;
}

/** The clocks of `count` rows inserted whole (`entries`: each row's table, id and clocks). */
function keepClocks(db: Db, count: number, entries: readonly string[]): void {
  prepared(
    db,
    `clocks ${count}`,
    () =>
      `INSERT INTO sync_row_clocks (tbl, row_id, clocks)
       VALUES ${Array.from({ length: count }, () => '(?, ?, ?)').join(', ')}
       ON CONFLICT (tbl, row_id) DO UPDATE SET clocks = excluded.clocks`,
  ).run(entries);
}

/** A row of a snapshot page inserted whole: its table, id, number of cells and latest stamp. */
export interface InsertedRow {
  table: string;
  rowId: string;
  cells: number;
  latest: string;
}

/**
 * The same fast path for a page that came in rows (shared/sync/snapshot-page.ts), straight from
 * its arrays: no object per cell, the table's columns checked once per run. A row goes in whole
 * only if the ordinary path would have taken each of its cells as they are (known column, value
 * of the column's storage, an app as recent as its authors', a stamp not ahead of this clock);
 * any other row, and the chunks that meet a row already here, come back as changes, in the order
 * they came, for the ordinary path.
 */
export function insertSnapshotRows(
  db: Db,
  page: SnapshotPage,
  aheadLimit: string,
  onInserted: (row: InsertedRow) => void,
): SyncChange[] {
  const newerAuthor = page.authors.map(([, , schemaVersion]) => schemaVersion > appSchemaVersion);
  const inserted = new Set<SnapshotRow>();
  for (const { table, columns, rows } of page.tables) {
    const shape = tableShape(db, table);
    if (!shape || !takesWhole(shape, columns)) continue;
    const n = columns.length;
    const fits = (row: SnapshotRow): boolean => {
      for (let i = 0; i < n; i += 1) {
        if (newerAuthor[row[1 + 3 * n + i] as number]) return false;
        if ((row[1 + n + i] as string) > aheadLimit) return false;
        if (!fitsStorage(shape, columns[i]!, row[1 + i]!)) return false;
      }
      return true;
    };
    const whole = rows.filter(fits);
    for (let start = 0; start < whole.length; start += rowsPerStatement) {
      const chunk = whole.slice(start, start + rowsPerStatement);
      if (!insertRowsChunk(db, table, columns, chunk)) continue;
      for (const row of chunk) {
        inserted.add(row);
        let latest = row[1 + n] as string;
        for (let i = 1; i < n; i += 1)
          if ((row[1 + n + i] as string) > latest) latest = row[1 + n + i] as string;
        onInserted({ table, rowId: row[0] as string, cells: n, latest });
      }
    }
  }
  if (inserted.size === 0) return snapshotPageChanges(page);
  const rest = page.tables
    .map((run) => ({ ...run, rows: run.rows.filter((row) => !inserted.has(row)) }))
    .filter((run) => run.rows.length > 0);
  return snapshotPageChanges({ ...page, tables: rest });
}

/** Every column known to this app, and every column a new row of the table needs. */
function takesWhole(shape: TableShape, columns: readonly string[]): boolean {
  return (
    columns.every((column) => shape.storage.has(column)) &&
    shape.required.every((column) => columns.includes(column))
  );
}

/** A chunk of a run's rows, with their clocks; false when a constraint refused it. */
function insertRowsChunk(
  db: Db,
  table: string,
  columns: readonly string[],
  chunk: readonly SnapshotRow[],
): boolean {
  const n = columns.length;
  const values: (string | number | null)[] = [];
  for (const row of chunk) for (let i = 0; i <= n; i += 1) values.push(row[i]!);
  if (!insertRows(db, table, columns, chunk.length, values)) return false;
  // The JSON.stringify of { column: stamp } in column order, written out: stamps and column names
  // hold no character JSON escapes (their patterns, snapshot-page.ts).
  const keys = columns.map((column, i) => `${i === 0 ? '{' : ','}"${column}":"`);
  const clocks: string[] = [];
  for (const row of chunk) {
    let text = '';
    for (let i = 0; i < n; i += 1) text += `${keys[i]!}${row[1 + n + i] as string}"`;
    clocks.push(table, row[0] as string, `${text}}`);
  }
  keepClocks(db, chunk.length, clocks);
  return true;
}
