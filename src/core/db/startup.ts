import { existsSync, mkdirSync, statSync } from 'node:fs';
import { copyDatabaseFile } from '../backup/backups';
import { openDatabase, type Db, type OpenOptions } from './connection';
import { pendingMigrations, runMigrations, schemaVersion, SchemaTooNewError } from './migrate';
import { migrations as appMigrations, type Migration } from './migrations';

function isSqliteError(error: unknown): error is Error & { code: string } {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof Error && typeof code === 'string' && code.startsWith('SQLITE_');
}

export type StartupResult =
  { kind: 'ok'; db: Db } | { kind: 'damaged' | 'too-new'; reason: string };

/**
 * Cheap checks that run on every start: the file opens as SQLite, its schema reads, and SQLite's
 * quick_check finds nothing wrong in the pages. A damaged file is never migrated or written to.
 */
function checkIntegrity(db: Db): string | null {
  try {
    const rows = db.pragma('quick_check(1)') as { quick_check: string }[];
    const verdict = rows[0]?.quick_check ?? 'no answer';
    return verdict === 'ok' ? null : verdict;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Opens (creating if needed), checks, backs up if a migration is due, and migrates the database. */
export function openLocalDatabase(
  file: string,
  backupsDir: string,
  now: Date,
  options: OpenOptions = {},
  migrations: readonly Migration[] = appMigrations,
): StartupResult {
  mkdirSync(backupsDir, { recursive: true });
  const existed = existsSync(file) && statSync(file).size > 0;
  let db: Db;
  try {
    db = openDatabase(file, options);
  } catch (error) {
    // Only SQLite's own verdict means a damaged file. A SQLite module that fails to load (built for
    // another runtime) must stop the start, never lead the user to "start empty" on good data.
    if (!isSqliteError(error)) throw error;
    return { kind: 'damaged', reason: error.message };
  }
  const problem = existed ? checkIntegrity(db) : null;
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
  return { kind: 'ok', db };
}
