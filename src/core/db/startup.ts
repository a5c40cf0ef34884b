import { existsSync, mkdirSync, statSync } from 'node:fs';
import { copyDatabaseFile } from '../backup/backups';
import { openDatabase, type Db, type OpenOptions } from './connection';
import { quickCheck } from './integrity-check';
import { pendingMigrations, runMigrations, schemaVersion, SchemaTooNewError } from './migrate';
import { migrations as appMigrations, type Migration } from './migrations';

export function isSqliteError(error: unknown): error is Error & { code: string } {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('SQLITE_');
}

export type StartupResult =
  /** `checkPending`: the file was too large to quick_check before answering; check it now. */
  { kind: 'ok'; db: Db; checkPending: boolean } | { kind: 'damaged' | 'too-new'; reason: string };

/** Files up to this size get SQLite's quick_check before core answers (tens of milliseconds). */
export const INLINE_CHECK_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Every start checks the file: it opens as SQLite and its schema reads; a small file also passes
 * quick_check here, a large one right after start in a background thread (see core.ts), so that a
 * big database does not keep the clerk waiting. A damaged file is never migrated or written to.
 */
function checkAtStart(db: Db, size: number, inlineCheckMaxBytes: number): string | null {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  return size <= inlineCheckMaxBytes ? quickCheck(db) : null;
}

/** Opens (creating if needed), checks, backs up if a migration is due, and migrates the database. */
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
  let db: Db;
  try {
    db = openDatabase(file, { nativeBinding: options.nativeBinding });
  } catch (error) {
    // Only SQLite's own verdict means a damaged file. A SQLite module that fails to load (built for
    // another runtime) must stop the start, never lead the user to "start empty" on good data.
    if (!isSqliteError(error)) throw error;
    return { kind: 'damaged', reason: error.message };
  }
  const inlineCheckMaxBytes = options.inlineCheckMaxBytes ?? INLINE_CHECK_MAX_BYTES;
  const problem = existed ? checkAtStart(db, size, inlineCheckMaxBytes) : null;
  if (problem) {
    db.close();
    return { kind: 'damaged', reason: problem };
  }
  try {
    const plan = pendingMigrations(db, migrations);
    if (plan && existed && schemaVersion(db) > 0) {
      db.pragma('wal_checkpoint(TRUNCATE)');
      copyDatabaseFile(file, backupsDir, 'pre-migration', now);
    }
    runMigrations(db, migrations);
  } catch (error) {
    db.close();
    const reason = error instanceof Error ? error.message : String(error);
    return { kind: error instanceof SchemaTooNewError ? 'too-new' : 'damaged', reason };
  }
  return { kind: 'ok', db, checkPending: existed && size > inlineCheckMaxBytes };
}
