import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Backup } from '../../shared/api/procedures/system.procedures';
import { openDatabase, type Db } from '../db/connection';
import { quickCheck } from '../db/integrity-check';

const backupPattern = /^maktab-([0-9TZ-]+?)(?:-([a-z-]+))?\.sqlite$/;

/** Labels: `daily` backups are pruned to the last N; `pre-migration` and `manual` are kept. */
export type BackupLabel = 'daily' | 'manual' | 'pre-migration' | 'pre-restore';

/** `maktab-2026-11-30T09-00-00000Z-daily.sqlite`: sorts by time, and says why it was taken. */
function backupFile(dir: string, label: BackupLabel, now: Date): { name: string; path: string } {
  mkdirSync(dir, { recursive: true });
  const stamp = now
    .toISOString()
    .replace(/[:.]/g, '-')
    .replace(/-(\d{3})Z$/, '$1Z');
  const name = `maktab-${stamp}-${label}.sqlite`;
  return { name, path: join(dir, name) };
}

function described(name: string, path: string, now: Date): Backup {
  return { name, createdAt: now.toISOString(), sizeBytes: statSync(path).size };
}

/** A consistent copy of the open database, taken with VACUUM INTO (safe while WAL is in use). */
export function createBackup(db: Db, dir: string, label: BackupLabel, now: Date): Backup {
  const { name, path } = backupFile(dir, label, now);
  if (existsSync(path)) rmSync(path);
  db.prepare('VACUUM INTO ?').run(path);
  return described(name, path, now);
}

/**
 * The same copy through SQLite's online backup API, a few hundred pages per step with the event
 * loop free in between: for the automatic daily backup, which must not hold core up for seconds.
 */
export async function createBackupInSteps(
  db: Db,
  dir: string,
  label: BackupLabel,
  now: Date,
): Promise<Backup> {
  const { name, path } = backupFile(dir, label, now);
  const partial = `${path}.partial`;
  await db.backup(partial, { progress: () => 256 });
  // Renamed only when complete, so a half-written file is never listed as a backup.
  renameSync(partial, path);
  return described(name, path, now);
}

/** The time a backup was taken, read back from its name (its file time changes when copied). */
function createdAtOf(name: string): string | null {
  const stamp = backupPattern.exec(name)?.[1];
  const match = stamp ? /^(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})(\d{3})Z$/.exec(stamp) : null;
  if (!match) return null;
  return `${match[1]}T${match[2]}:${match[3]}:${match[4]}.${match[5]}Z`;
}

export function listBackups(dir: string): Backup[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => backupPattern.test(name))
    .map((name) => {
      const stats = statSync(join(dir, name));
      return {
        name,
        createdAt: createdAtOf(name) ?? stats.mtime.toISOString(),
        sizeBytes: stats.size,
      };
    })
    .sort((a, b) => (a.name < b.name ? 1 : -1));
}

/** Keeps the newest `keep` daily backups and deletes older daily ones. */
export function pruneDailyBackups(dir: string, keep: number): void {
  const daily = listBackups(dir).filter((b) => b.name.endsWith('-daily.sqlite'));
  for (const old of daily.slice(keep)) rmSync(join(dir, old.name));
}

/**
 * The newest daily backup taken up to `now`. One dated in the future (a day the PC's clock was
 * wrong) is ignored, so it cannot stop the daily backups until that date comes.
 */
export function lastDailyBackupAt(dir: string, now: Date): Date | null {
  const newest = listBackups(dir).find(
    (b) => b.name.endsWith('-daily.sqlite') && new Date(b.createdAt).getTime() <= now.getTime(),
  );
  return newest ? new Date(newest.createdAt) : null;
}

const companions = ['', '-wal', '-shm'] as const;

/**
 * Moves a closed database file and its WAL and shared-memory files aside, together (the WAL holds
 * its latest committed work). Returns the new base path.
 */
export function moveDatabaseAside(file: string, suffix: string): string {
  const aside = `${file}.${suffix}`;
  for (const part of companions) {
    if (existsSync(file + part)) renameSync(file + part, aside + part);
  }
  return aside;
}

export function moveDatabaseBack(aside: string, file: string): void {
  for (const part of companions) {
    if (existsSync(aside + part)) renameSync(aside + part, file + part);
  }
}

/**
 * Copies a backup next to the database file and checks the copy, so that the swap that follows is
 * a rename. Returns the copy's path; throws BACKUP_FAILED-worthy errors before anything is moved.
 */
export function prepareRestore(backupPath: string, dbFile: string, nativeBinding?: string): string {
  const candidate = `${dbFile}.restoring`;
  rmSync(candidate, { force: true });
  copyFileSync(backupPath, candidate);
  const db = openDatabase(candidate, { nativeBinding });
  try {
    const problem = quickCheck(db);
    if (problem) throw new Error(`the backup is damaged: ${problem}`);
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  return candidate;
}
