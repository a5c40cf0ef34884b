import { z } from 'zod';
import { hlcTextPattern, maxCellValueLength, syncNamePattern, type SyncChange } from './protocol';

/**
 * A snapshot page in rows (protocol.ts, pull): what a first pull receives when the app asks for it
 * with `Accept: <snapshotPageMediaType>`. The same cells as `pullResponseSchema`'s changes, without
 * repeating on every cell what a page shares: the cells come by row, the rows by run of one table
 * with the same columns (named once per run), and who wrote each cell is an index into the page's
 * few authors. A first pull of a commune's register is 13.7 M cells: parsing and checking them
 * one object each cost the app a third of its time (bench/README.md, sync).
 *
 * A server that does not know this answers in changes, and a log page is always in changes: the
 * app takes either. The receiver checks every value as `changeSchema` would
 * (`parseSnapshotPage`), so a malformed page is refused whole, never applied.
 */
export const snapshotPageMediaType = 'application/vnd.maktab.snapshot-page+json';

/** Who wrote a cell: `[userId, deviceId, schemaVersion]`, as the change carries them. */
export type SnapshotAuthor = [userId: string | null, deviceId: string, schemaVersion: number];

/**
 * One row of a run: its id, then for each of the run's n columns in order its value, then their
 * clocks, then their change ids, then their authors (indexes into `authors`): 1 + 4n items.
 */
export type SnapshotRow = (string | number | null)[];

export interface SnapshotRun {
  table: string;
  columns: string[];
  rows: SnapshotRow[];
}

export interface SnapshotPage {
  authors: SnapshotAuthor[];
  tables: SnapshotRun[];
  cursor: string;
  hasMore: boolean;
  serverTime: number;
}

// z.uuid()'s own pattern, so a change id or user id means here what it means in changeSchema.
const uuidPattern = z.regexes.uuid();

/** For the OpenAPI document: the shape only; `parseSnapshotPage` checks every item. */
export const snapshotPageSchema = z.object({
  authors: z.array(
    z.tuple([z.uuid().nullable(), z.string().min(1).max(60), z.int().min(1).max(100_000)]),
  ),
  tables: z.array(
    z.object({
      table: z.string().regex(syncNamePattern),
      columns: z.array(z.string().regex(syncNamePattern)).min(1),
      rows: z.array(
        z
          .array(z.union([z.string(), z.number(), z.null()]))
          .describe('rowId, n values, n clocks, n change ids, n author indexes'),
      ),
    }),
  ),
  cursor: z.string().max(200),
  hasMore: z.boolean(),
  serverTime: z.int(),
});

/** Runs of rows, in the order the changes came (row after row, each row's cells together). */
export function packSnapshotPage(
  changes: readonly SyncChange[],
  rest: { cursor: string; hasMore: boolean; serverTime: number },
): SnapshotPage {
  const authors = new PageAuthors();
  const tables: SnapshotRun[] = [];
  let start = 0;
  while (start < changes.length) {
    const first = changes[start]!;
    let end = start + 1;
    while (end < changes.length && sameRow(changes[end]!, first)) end += 1;
    const cells = changes.slice(start, end);
    start = end;
    const run = tables.at(-1);
    if (run && run.table === first.table && sameColumns(run.columns, cells)) {
      run.rows.push(rowOf(cells, authors));
      continue;
    }
    const columns = cells.map((cell) => cell.column);
    // A row holding a column twice (never in a snapshot) travels as one row per cell.
    if (new Set(columns).size === columns.length)
      tables.push({ table: first.table, columns, rows: [rowOf(cells, authors)] });
    else
      for (const cell of cells)
        tables.push({ table: cell.table, columns: [cell.column], rows: [rowOf([cell], authors)] });
  }
  return { authors: authors.list, tables, ...rest };
}

/** The page's authors, each once; cells after one another mostly share theirs. */
class PageAuthors {
  readonly list: SnapshotAuthor[] = [];
  private last = -1;

  indexOf(change: SyncChange): number {
    if (this.last !== -1 && this.isAt(this.last, change)) return this.last;
    for (let index = 0; index < this.list.length; index += 1)
      if (this.isAt(index, change)) return (this.last = index);
    this.list.push([change.userId, change.deviceId, change.schemaVersion]);
    return (this.last = this.list.length - 1);
  }

  private isAt(index: number, change: SyncChange): boolean {
    const [userId, deviceId, schemaVersion] = this.list[index]!;
    return (
      userId === change.userId &&
      deviceId === change.deviceId &&
      schemaVersion === change.schemaVersion
    );
  }
}

/** Whether a row's cells are of a run's columns, in its order. */
function sameColumns(columns: readonly string[], cells: readonly SyncChange[]): boolean {
  if (columns.length !== cells.length) return false;
  for (let index = 0; index < cells.length; index += 1)
    if (columns[index] !== cells[index]!.column) return false;
  return true;
}

function sameRow(a: SyncChange, b: SyncChange): boolean {
  return a.rowId === b.rowId && a.table === b.table;
}

function rowOf(cells: readonly SyncChange[], authors: PageAuthors): SnapshotRow {
  const row: SnapshotRow = [cells[0]!.rowId];
  for (const cell of cells) row.push(cell.value);
  for (const cell of cells) row.push(cell.hlc);
  for (const cell of cells) row.push(cell.id);
  for (const cell of cells) row.push(authors.indexOf(cell));
  return row;
}

/** A page as the app receives it: checked item by item, or null when anything is amiss. */
export function parseSnapshotPage(json: unknown): SnapshotPage | null {
  if (!isRecord(json)) return null;
  const { authors, tables, cursor, hasMore, serverTime } = json;
  if (
    typeof cursor !== 'string' ||
    cursor.length > 200 ||
    typeof hasMore !== 'boolean' ||
    !Number.isSafeInteger(serverTime) ||
    !Array.isArray(authors) ||
    !Array.isArray(tables)
  )
    return null;
  for (const author of authors as unknown[]) if (!isAuthor(author)) return null;
  const authorCount = authors.length;
  for (const run of tables as unknown[]) if (!isRun(run, authorCount)) return null;
  return {
    authors: authors as SnapshotAuthor[],
    tables: (tables as SnapshotRun[]).map(({ table, columns, rows }) => ({ table, columns, rows })),
    cursor,
    hasMore,
    serverTime: serverTime as number,
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isAuthor(value: unknown): boolean {
  if (!Array.isArray(value) || value.length !== 3) return false;
  const [userId, deviceId, schemaVersion] = value as unknown[];
  return (
    (userId === null || (typeof userId === 'string' && uuidPattern.test(userId))) &&
    typeof deviceId === 'string' &&
    deviceId.length >= 1 &&
    deviceId.length <= 60 &&
    Number.isSafeInteger(schemaVersion) &&
    (schemaVersion as number) >= 1 &&
    (schemaVersion as number) <= 100_000
  );
}

function isRun(value: unknown, authorCount: number): boolean {
  if (!isRecord(value)) return false;
  const { table, columns, rows } = value;
  if (typeof table !== 'string' || !syncNamePattern.test(table)) return false;
  if (!Array.isArray(columns) || columns.length === 0 || !Array.isArray(rows)) return false;
  for (const column of columns as unknown[])
    if (typeof column !== 'string' || !syncNamePattern.test(column)) return false;
  if (new Set(columns).size !== columns.length) return false;
  const n = columns.length;
  for (const row of rows as unknown[]) if (!isRow(row, n, authorCount)) return false;
  return true;
}

function isRow(value: unknown, n: number, authorCount: number): boolean {
  if (!Array.isArray(value) || value.length !== 1 + 4 * n) return false;
  const row = value as unknown[];
  const rowId = row[0];
  if (typeof rowId !== 'string' || rowId.length < 1 || rowId.length > 60) return false;
  for (let i = 1; i <= n; i += 1) {
    const cell = row[i];
    if (cell === null) continue;
    if (typeof cell === 'string') {
      if (cell.length > maxCellValueLength) return false;
    } else if (typeof cell !== 'number' || !Number.isFinite(cell)) return false;
  }
  for (let i = n + 1; i <= 2 * n; i += 1) {
    const hlc = row[i];
    if (typeof hlc !== 'string' || !hlcTextPattern.test(hlc)) return false;
  }
  for (let i = 2 * n + 1; i <= 3 * n; i += 1) {
    const id = row[i];
    if (typeof id !== 'string' || !uuidPattern.test(id)) return false;
  }
  for (let i = 3 * n + 1; i <= 4 * n; i += 1) {
    const author = row[i];
    if (!Number.isInteger(author) || (author as number) < 0 || (author as number) >= authorCount)
      return false;
  }
  return true;
}

/** The page's cells as changes, in the order they came. */
export function snapshotPageChanges(page: SnapshotPage): SyncChange[] {
  const changes: SyncChange[] = [];
  for (const { table, columns, rows } of page.tables) {
    const n = columns.length;
    for (const row of rows) {
      const rowId = row[0] as string;
      for (let i = 0; i < n; i += 1) {
        const [userId, deviceId, schemaVersion] = page.authors[row[1 + 3 * n + i] as number]!;
        changes.push({
          id: row[1 + 2 * n + i] as string,
          table,
          rowId,
          column: columns[i]!,
          value: row[1 + i]!,
          hlc: row[1 + n + i] as string,
          userId,
          deviceId,
          schemaVersion,
        });
      }
    }
  }
  return changes;
}
