import Database from 'better-sqlite3';
import { indexText } from '../../shared/text/search-tokens';

export type Db = Database.Database;

export interface OpenOptions {
  /** Path to a better-sqlite3 addon built for another runtime (Electron); see scripts/electron-native.mjs. */
  nativeBinding?: string | undefined;
  readonly?: boolean;
  /** How long a statement waits for another connection's lock before SQLITE_BUSY. */
  busyTimeoutMs?: number | undefined;
}

/** Opens the local database with the settings every connection must have. */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file, {
    // The wait for another connection's lock, from the first statement on (busy_timeout).
    timeout: options.busyTimeoutMs ?? 5000,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    ...(options.readonly ? { readonly: true, fileMustExist: true } : {}),
  });
  if (!options.readonly) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  registerFunctions(db);
  return db;
}

/**
 * SQL functions the schema's triggers call (0002-create-complaints): the search index holds text
 * normalized by shared/text, the same code that normalizes queries.
 */
function registerFunctions(db: Db): void {
  db.function('maktab_search_text', { deterministic: true, varargs: true }, searchTextOf);
}

/** What `maktab_search_text` gives for a row's columns: the index's text (shared/text). */
export function searchTextOf(...parts: unknown[]): string {
  return indexText(...parts.map((part) => (typeof part === 'string' ? part : null)));
}

type Statement = Database.Statement;
const statementCache = new WeakMap<Db, Map<string, Statement>>();

/** Prepares each SQL text once per connection: hot paths run the same few statements many times. */
export function statement(db: Db, sql: string): Statement {
  let cache = statementCache.get(db);
  if (!cache) {
    cache = new Map();
    statementCache.set(db, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = db.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared;
}
