import { existsSync, mkdirSync, statSync } from 'node:fs';
import { createBackup } from '../backup/backups';
import { openDatabase, type Db, type OpenOptions } from './connection';
import { quickCheck } from './integrity-check';
import { pendingMigrations, runMigrations, schemaVersion, SchemaTooNewError } from './migrate';
import { migrations as appMigrations, type Migration } from './migrations';

export function isSqliteError(error: unknown): error is Error & { code: string } {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('SQLITE_');
}

/**
 * Only SQLite's verdict of corruption means "damaged", and only "damaged" offers to start empty.
 * A file locked by another program, a full disk or a permission problem is "unavailable": try
 * again, never move the data aside. A SQLite module that fails to load is thrown: core cannot run.
 */
export function classifyStartupError(error: unknown): {
  kind: 'damaged' | 'unavailable';
  reason: string;
} {
  if (isSqliteError(error)) {
    const damaged = /^SQLITE_(CORRUPT|NOTADB)/.test(error.code);
    return { kind: damaged ? 'damaged' : 'unavailable', reason: error.message };
  }
  if (error instanceof SchemaTooNewError) throw error;
  return { kind: 'unavailable', reason: error instanceof Error ? error.message : String(error) };
}

export type StartupResult =
  /** `checkPending`: the file was too large to quick_check before answering; check it now. */
  | { kind: 'ok'; db: Db; checkPending: boolean }
  | { kind: 'damaged' | 'too-new' | 'unavailable'; reason: string };

/** Files up to this size get SQLite's quick_check before core answers (tens of milliseconds). */
export const INLINE_CHECK_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Every start checks the file: it opens as SQLite and its schema reads; a small file (or any file
 * about to be migrated) also passes quick_check here, a large one right after start in a
 * background thread (core.ts), so that a big database does not keep the clerk waiting. A damaged
 * file is never migrated or written to.
 */
export function openLocalDatabase(
  file: string,
  backupsDir: string,
  now: Date,
  options: OpenOptions & { inlineCheckMaxBytes?: number } = {},
  migrations: readonly Migration[] = appMigrations,
): StartupResult {
  mkdirSync(backupsDir, { recursive: true });
  const size = existsSync(file) ? statSync(file).size : 0;
  const existed = size > 0;
  const inlineCheckMaxBytes = options.inlineCheckMaxBytes ?? INLINE_CHECK_MAX_BYTES;
  let db: Db;
  try {
    db = openDatabase(file, {
      nativeBinding: options.nativeBinding,
      busyTimeoutMs: options.busyTimeoutMs,
    });
  } catch (error) {
    // A module built for another runtime is not a SQLite error: it propagates and stops the start.
    if (!isSqliteError(error)) throw error;
    return classifyStartupError(error);
  }
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    const plan = pendingMigrations(db, migrations);
    const migrating = plan !== null && existed && schemaVersion(db) > 0;
    if (existed && (size <= inlineCheckMaxBytes || migrating)) {
      const problem = quickCheck(db);
      if (problem) {
        db.close();
        return { kind: 'damaged', reason: problem };
      }
    }
    if (migrating) createBackup(db, backupsDir, 'pre-migration', now);
    runMigrations(db, migrations);
    return { kind: 'ok', db, checkPending: existed && !migrating && size > inlineCheckMaxBytes };
  } catch (error) {
    db.close();
    if (error instanceof SchemaTooNewError) return { kind: 'too-new', reason: error.message };
    return classifyStartupError(error);
  }
}
