import { searchTextOf, statement, type Db } from '../db/connection';
import { readMeta, writeMeta } from '../settings/local-settings';

/**
 * The full-text indexes of a first pull, built once at its end instead of row by row. Kept row by
 * row, the index cost more than the rows themselves: each pulled batch is its own transaction, and
 * the index writes (and later merges) one segment per transaction, with its prefix indexes
 * (measured: 20,000 complaints applied in 12 s with the index, 4.4 s without, 2.6 s to build it
 * afterwards). While a first pull applies its batches the index's function gives every row an
 * empty text; at the end every row of the indexed table is indexed again, in chunks, each chunk in
 * its own transaction with the rowid it reached (local_meta), so a crash resumes where it was.
 *
 * Indexes are found from the schema, not named here: any FTS5 table filled by an
 * `AFTER INSERT ON <table>` trigger with `(rowid, text) VALUES (new.rowid, maktab_search_text(…))`
 * (migration 0002), so a module that adds one gets this without code here.
 */

const stateKey = 'sync_search_rebuild';
/** Rows indexed per transaction: about 0.1 s of core's thread each. */
const rebuildChunk = 2000;

interface SearchIndex {
  /** The FTS5 table. */
  index: string;
  /** The table whose rows it indexes. */
  table: string;
  /** The columns given to maktab_search_text, in the trigger's order. */
  columns: string[];
}

type RebuildState =
  /** A first pull is filling the tables with rows indexed empty. */
  | { phase: 'deferred' }
  /** The indexes were emptied; rows up to `after` (by rowid) are indexed again, up to `upTo`. */
  | { phase: 'rebuilding'; after: Record<string, number>; upTo: Record<string, number> };

const insertTrigger =
  /AFTER\s+INSERT\s+ON\s+(\w+)\s+BEGIN\s+INSERT\s+INTO\s+(\w+)\s*\(\s*rowid\s*,\s*text\s*\)\s*VALUES\s*\(\s*new\.rowid\s*,\s*maktab_search_text\s*\(([^)]*)\)\s*\)\s*;/i;
const newColumn = /^new\.(\w+)$/i;

const indexesByDb = new WeakMap<Db, SearchIndex[]>();

/** The search indexes of this database's schema. */
export function searchIndexes(db: Db): SearchIndex[] {
  let found = indexesByDb.get(db);
  if (!found) {
    const triggers = statement(
      db,
      "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND sql IS NOT NULL",
    ).all() as { sql: string }[];
    found = [];
    for (const { sql } of triggers) {
      const match = insertTrigger.exec(sql);
      if (!match) continue;
      const [, table, index, args] = match as unknown as [string, string, string, string];
      const columns = args.split(',').map((arg) => newColumn.exec(arg.trim())?.[1]);
      if (columns.some((column) => column === undefined)) continue;
      found.push({ index, table, columns: columns as string[] });
    }
    indexesByDb.set(db, found);
  }
  return found;
}

function readState(db: Db): RebuildState | null {
  const value = readMeta(db, stateKey);
  return value === null ? null : (JSON.parse(value) as RebuildState);
}

function writeState(db: Db, state: RebuildState | null): void {
  if (state === null) statement(db, 'DELETE FROM local_meta WHERE key = ?').run(stateKey);
  else writeMeta(db, stateKey, JSON.stringify(state));
}

/**
 * Whether the pull about to start fills its indexed tables with empty index texts: a pull from no
 * cursor into tables that hold no row yet, or one that resumes such a pull after a restart.
 */
export function shouldDeferSearch(db: Db, fromStart: boolean): boolean {
  const indexes = searchIndexes(db);
  if (indexes.length === 0) return false;
  const state = readState(db);
  if (state) return state.phase === 'deferred';
  return (
    fromStart &&
    indexes.every(
      ({ table }) => statement(db, `SELECT 1 FROM ${table} LIMIT 1`).get() === undefined,
    )
  );
}

const deferring = new WeakSet<Db>();
const wrapped = new WeakSet<Db>();

/**
 * Runs `work` (a pulled batch's transaction) with the index function giving empty texts, and
 * notes in that same transaction (through `mark`, called inside it) that a rebuild is due.
 */
export function withSearchDeferred<T>(db: Db, work: () => T): T {
  if (!wrapped.has(db)) {
    // The same function as openDatabase registers (connection.ts), with a switch: registered
    // once, since registering a function again expires every prepared statement.
    db.function(
      'maktab_search_text',
      { deterministic: true, varargs: true },
      (...parts: unknown[]) => (deferring.has(db) ? '' : searchTextOf(...parts)),
    );
    wrapped.add(db);
  }
  deferring.add(db);
  try {
    return work();
  } finally {
    deferring.delete(db);
  }
}

/** Inside a deferred batch's transaction: the rows it writes are not searchable until rebuilt. */
export function markSearchDeferred(db: Db): void {
  if (readState(db) === null) writeState(db, { phase: 'deferred' });
}

/** Whether indexes still wait for (the rest of) their rebuild. */
export function searchRebuildDue(db: Db): boolean {
  return readState(db) !== null;
}

/**
 * One step of the rebuild, in the caller's transaction; false once nothing is left. The first
 * step empties the indexes; each next one indexes a chunk of rows by rowid. Rows written after the
 * rebuild began (above `upTo`) were indexed by their trigger; a row of the range changed meanwhile
 * was too, and is replaced here with the same text.
 */
export function rebuildSearchStep(db: Db): boolean {
  const state = readState(db);
  if (state === null) return false;
  const indexes = searchIndexes(db);
  if (state.phase === 'deferred') {
    const upTo: Record<string, number> = {};
    const after: Record<string, number> = {};
    for (const { index, table } of indexes) {
      statement(db, `INSERT INTO ${index} (${index}) VALUES ('delete-all')`).run();
      upTo[index] =
        (statement(db, `SELECT max(rowid) AS top FROM ${table}`).get() as { top: number | null })
          .top ?? 0;
      after[index] = 0;
    }
    writeState(db, { phase: 'rebuilding', after, upTo });
    return true;
  }
  const pending = indexes.find(({ index }) => (state.after[index] ?? 0) < (state.upTo[index] ?? 0));
  if (!pending) {
    writeState(db, null);
    return false;
  }
  const { index, table, columns } = pending;
  const from = state.after[index] ?? 0;
  const upTo = state.upTo[index] ?? 0;
  const { last } = statement(
    db,
    `SELECT max(rowid) AS last FROM (SELECT rowid FROM ${table}
       WHERE rowid > ? AND rowid <= ? ORDER BY rowid LIMIT ${rebuildChunk})`,
  ).get(from, upTo) as { last: number | null };
  const reached = last ?? upTo;
  statement(
    db,
    `INSERT OR REPLACE INTO ${index} (rowid, text)
     SELECT rowid, maktab_search_text(${columns.join(', ')}) FROM ${table}
     WHERE rowid > ? AND rowid <= ?`,
  ).run(from, reached);
  writeState(db, { ...state, after: { ...state.after, [index]: reached } });
  return true;
}
