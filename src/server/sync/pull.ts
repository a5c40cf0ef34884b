import type { Role } from '../../shared/roles';
import type { SyncChange } from '../../shared/sync/protocol';
import { readableCells } from '../../shared/sync/readable-cells';
import type { TableDeclaration } from '../../shared/tables/define-table';
import { syncedTables } from '../../shared/tables/registry';
import type { ServerDb } from '../db/server-db';
import { decodeCellValue } from './cell-values';
import { decodeCursor, encodeCursor, type PullCursor } from './pull-cursor';

interface ChangeRow {
  id: string;
  tbl: string;
  row_id: string;
  col: string;
  value: string;
  hlc: string;
  user_id: string | null;
  device_id: string;
  schema_version: number;
}

export interface PullPage {
  changes: SyncChange[];
  cursor: string;
  hasMore: boolean;
  /** A page of the snapshot, whole rows one after another: it may travel in rows (snapshot-page.ts). */
  fromSnapshot?: true;
}

const tables: readonly TableDeclaration[] = Object.values(syncedTables);
/** The most cells one row can have: a snapshot page never cuts a row in two. */
const widestRow = Math.max(...tables.map((table) => Object.keys(table.columns).length + 1));

function toChange(row: ChangeRow): SyncChange {
  return {
    id: row.id,
    table: row.tbl,
    rowId: row.row_id,
    column: row.col,
    value: decodeCellValue(row.value),
    hlc: row.hlc,
    userId: row.user_id,
    deviceId: row.device_id,
    schemaVersion: row.schema_version,
  };
}

async function lastSeq(db: ServerDb): Promise<number> {
  const [row] = await db.query<{ last: number }>(
    'SELECT COALESCE(MAX(seq), 0) AS last FROM change_log',
  );
  return row?.last ?? 0;
}

const cellsWithTheirChange = `
  SELECT l.id, c.tbl, c.row_id, c.col, c.value, c.hlc, l.user_id, l.device_id, l.schema_version
  FROM cells c JOIN change_log l ON l.seq = c.seq`;

/**
 * Up to `count` cells after a row, in primary key order: the rest of the row's table, then the
 * tables after it. Two plain conditions rather than `(tbl, row_id) > (…)`, which PostgreSQL
 * estimates from `tbl >` alone: it then thought the rest of a big table a few rows, and sorted it
 * all for each page instead of walking the key (a first pull crawled at 500 cells a second).
 */
async function cellsAfter(
  db: ServerDb,
  after: { tbl: string; rowId: string } | null,
  count: number,
): Promise<ChangeRow[]> {
  const rows = after
    ? await db.query<ChangeRow>(
        `${cellsWithTheirChange}
         WHERE c.tbl = $1 AND c.row_id > $2 ORDER BY c.tbl, c.row_id, c.col LIMIT $3`,
        [after.tbl, after.rowId, count],
      )
    : [];
  if (rows.length === count) return rows;
  const next = await db.query<ChangeRow>(
    `${cellsWithTheirChange} WHERE c.tbl > $1 ORDER BY c.tbl, c.row_id, c.col LIMIT $2`,
    [after?.tbl ?? '', count - rows.length],
  );
  return [...rows, ...next];
}

/**
 * A page of the current cells, in (table, row, column) order, whole rows only, so the client can
 * apply each row at once. Pages may see cells newer than `at`; the log replayed from `at` then
 * brings them again, which last-writer-wins makes harmless. Cells a role may not read are dropped
 * here, not in SQL, where a filter on `tbl || '.' || col` cannot be estimated either.
 */
async function snapshotPage(
  db: ServerDb,
  cursor: Extract<PullCursor, { phase: 'snapshot' }>,
  readable: ReadonlySet<string>,
  limit: number,
  top: number,
): Promise<PullPage> {
  const fetchCount = limit + widestRow;
  const rows = await cellsAfter(db, cursor.after, fetchCount);
  const groups: ChangeRow[][] = [];
  for (const row of rows) {
    const group = groups.at(-1);
    if (group?.[0]?.tbl === row.tbl && group[0].row_id === row.row_id) group.push(row);
    else groups.push([row]);
  }
  const reachedEnd = rows.length < fetchCount;
  // The last row of a full fetch may be cut short: it waits for the next page.
  if (!reachedEnd) groups.pop();
  const taken: ChangeRow[] = [];
  let last: ChangeRow | undefined;
  let whole = true;
  // By table once, rather than a `table.column` text made for each of the page's cells.
  const readableColumns = new Map<string, Set<string>>();
  for (const cell of readable) {
    const [table = '', column = ''] = cell.split('.');
    readableColumns.set(table, (readableColumns.get(table) ?? new Set()).add(column));
  }
  for (const group of groups) {
    const columns = readableColumns.get(group[0]!.tbl);
    const cells = columns ? group.filter((row) => columns.has(row.col)) : [];
    // A row wider than the page still travels whole, alone.
    if (taken.length > 0 && taken.length + cells.length > limit) {
      whole = false;
      break;
    }
    taken.push(...cells);
    last = group[0];
  }
  if (reachedEnd && whole) {
    return {
      changes: taken.map(toChange),
      cursor: encodeCursor({ phase: 'log', after: cursor.at }),
      hasMore: top > cursor.at,
      fromSnapshot: true,
    };
  }
  return {
    changes: taken.map(toChange),
    fromSnapshot: true,
    cursor: encodeCursor({
      phase: 'snapshot',
      at: cursor.at,
      after: last ? { tbl: last.tbl, rowId: last.row_id } : cursor.after,
    }),
    hasMore: true,
  };
}

/**
 * The log after the cursor, up to its top read in the same statement: in one snapshot, the top is
 * the last entry committed and every entry below it has committed too (appends commit in seq
 * order, change-log.ts), so the page is a prefix that can no longer grow in the middle. null when
 * the cursor is beyond the log (a database restored from a backup).
 */
async function logPage(
  db: ServerDb,
  after: number,
  readable: ReadonlySet<string>,
  limit: number,
): Promise<PullPage | null> {
  const rows = await db.query<{ top: number } & ChangeRow & { seq: number | null }>(
    `WITH top AS (SELECT COALESCE(MAX(seq), 0) AS top FROM change_log)
     SELECT top.top, l.seq, l.id, l.tbl, l.row_id, l.col, l.value, l.hlc, l.user_id, l.device_id,
            l.schema_version
     FROM top LEFT JOIN LATERAL (
       SELECT * FROM change_log WHERE seq > $1 AND seq <= top.top ORDER BY seq LIMIT $2
     ) l ON true
     ORDER BY l.seq`,
    [after, limit],
  );
  const top = Number(rows[0]?.top ?? 0);
  if (after > top) return null;
  const logged = rows.filter((row): row is typeof row & { seq: number } => row.seq !== null);
  const full = logged.length === limit;
  const position = full ? (logged.at(-1)?.seq ?? after) : Math.max(after, top);
  // Cells this role may not read are passed over (as in snapshotPage): the cursor goes past them.
  const changes = logged.filter((row) => readable.has(`${row.tbl}.${row.col}`));
  return {
    changes: changes.map(toChange),
    cursor: encodeCursor({ phase: 'log', after: position }),
    hasMore: full && position < top,
  };
}

/**
 * Snapshot pages computed ahead of their request. A client can ask for a page only once it has the
 * previous one's cursor, so without this the server's query waits for the client and the client
 * for the query at every page (a first pull of the register is about 2,700 of them). A page made a
 * moment before it is asked for is as valid as one made on the request: snapshot pages may see
 * cells newer than their `at` anyway. Kept briefly and few: one per puller in its snapshot.
 */
interface PageAhead {
  key: string;
  page: Promise<PullPage>;
  madeAt: number;
}

const aheadByDb = new WeakMap<ServerDb, PageAhead[]>();
const mostAhead = 8;
const aheadKeptMs = 30_000;

function aheadKey(
  roles: readonly Role[],
  only: readonly string[] | null,
  limit: number,
  cursor: string,
): string {
  return `${[...roles].sort().join(',')}|${only ? [...only].sort().join(',') : '*'}|${limit}|${cursor}`;
}

/** Scans of the cells one restricted page may make before it is sent, however few it found. */
const mostScansPerPage = 8;

/**
 * A snapshot page restricted to a few cells (a backfill): most rows carry none of them, so one
 * scan of `limit` cells finds few; scans go on until the page is about full, up to a bound that
 * keeps each request short. The server still walks every cell (a filter on the table in SQL
 * would sort instead of walking the key, see cellsAfter), but the app receives and applies only
 * the asked cells, in an eighth of the full snapshot's round trips at most.
 */
async function restrictedSnapshotPage(
  db: ServerDb,
  cursor: Extract<PullCursor, { phase: 'snapshot' }>,
  readable: ReadonlySet<string>,
  limit: number,
  top: number,
): Promise<PullPage> {
  let page = await snapshotPage(db, cursor, readable, limit, top);
  const changes = [...page.changes];
  for (let scans = 1; scans < mostScansPerPage; scans++) {
    const next = decodeCursor(page.cursor);
    if (next?.phase !== 'snapshot' || limit - changes.length < widestRow) break;
    page = await snapshotPage(db, next, readable, limit - changes.length, top);
    changes.push(...page.changes);
  }
  return { ...page, changes };
}

function takeAhead(db: ServerDb, key: string): Promise<PullPage> | null {
  const pages = aheadByDb.get(db);
  const index = pages?.findIndex((ahead) => ahead.key === key) ?? -1;
  if (!pages || index === -1) return null;
  const [ahead] = pages.splice(index, 1);
  return ahead && Date.now() - ahead.madeAt <= aheadKeptMs ? ahead.page : null;
}

/**
 * Settles once the pages being made ahead on `db` are made: a write after this is in none of them
 * (the tests of pages made ahead wait on it rather than on a pause a loaded machine may outlast).
 */
export async function pagesAheadMade(db: ServerDb): Promise<void> {
  await Promise.allSettled((aheadByDb.get(db) ?? []).map((ahead) => ahead.page));
}

function makeAhead(db: ServerDb, key: string, make: () => Promise<PullPage>): void {
  let pages = aheadByDb.get(db);
  if (!pages) {
    pages = [];
    aheadByDb.set(db, pages);
  }
  if (pages.some((ahead) => ahead.key === key)) return;
  const page = make();
  // Taken later, or never (the client stopped): its failure is for the request that takes it.
  page.catch(() => undefined);
  pages.push({ key, page, madeAt: Date.now() });
  while (pages.length > mostAhead) pages.shift();
}

/** A snapshot page, made ahead if it was, and the next one started before this one is sent. */
async function snapshotPageAhead(
  db: ServerDb,
  roles: readonly Role[],
  only: readonly string[] | null,
  cursor: Extract<PullCursor, { phase: 'snapshot' }>,
  readable: ReadonlySet<string>,
  limit: number,
  top: number,
): Promise<PullPage> {
  const make = only ? restrictedSnapshotPage : snapshotPage;
  const ahead = takeAhead(db, aheadKey(roles, only, limit, encodeCursor(cursor)));
  const page = ahead
    ? await ahead.catch(() => make(db, cursor, readable, limit, top))
    : await make(db, cursor, readable, limit, top);
  const next = decodeCursor(page.cursor);
  if (next?.phase === 'snapshot')
    makeAhead(db, aheadKey(roles, only, limit, page.cursor), () =>
      make(db, next, readable, limit, top),
    );
  return page;
}

/**
 * One pull page for a user with these roles; no cursor starts with the snapshot. `only`: the
 * cells a backfill asks for (pull-scope.ts on the app), within what the roles may read.
 */
export async function pullChanges(
  db: ServerDb,
  roles: readonly Role[],
  cursor: PullCursor | null,
  limit: number,
  only: readonly string[] | null = null,
): Promise<PullPage> {
  const asked = only ? new Set(only) : null;
  const readable = new Set(readableCells(roles).filter((cell) => !asked || asked.has(cell)));
  if (cursor?.phase === 'log') {
    const page = await logPage(db, cursor.after, readable, limit);
    if (page) return page;
  }
  const top = await lastSeq(db);
  // No cursor, or one from beyond this log (a database restored from a backup): a fresh snapshot,
  // which last-writer-wins merges into whatever the app holds.
  const start: Extract<PullCursor, { phase: 'snapshot' }> =
    cursor === null || cursor.phase === 'log' || cursor.at > top
      ? { phase: 'snapshot', at: top, after: null }
      : cursor;
  return snapshotPageAhead(db, roles, only, start, readable, limit, top);
}
