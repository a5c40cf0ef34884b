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
import type { Db } from '../db/connection';

const backupPattern = /^maktab-([0-9TZ-]+?)(?:-([a-z-]+))?\.sqlite$/;

function stampOf(date: Date): string {
  return date
    .toISOString()
    .replace(/[:.]/g, '-')
    .replace(/-(\d{3})Z$/, '$1Z');
}

/** Labels: `daily` backups are pruned to the last N; `pre-migration` and `manual` are kept. */
export type BackupLabel = 'daily' | 'manual' | 'pre-migration' | 'pre-restore';

/** A consistent copy of the open database, taken with VACUUM INTO (safe while WAL is in use). */
export function createBackup(db: Db, dir: string, label: BackupLabel, now: Date): Backup {
  mkdirSync(dir, { recursive: true });
  const name = `maktab-${stampOf(now)}-${label}.sqlite`;
  const path = join(dir, name);
  if (existsSync(path)) rmSync(path);
  db.prepare('VACUUM INTO ?').run(path);
  return { name, createdAt: now.toISOString(), sizeBytes: statSync(path).size };
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
  mkdirSync(dir, { recursive: true });
  const name = `maktab-${stampOf(now)}-${label}.sqlite`;
  const path = join(dir, name);
  const partial = `${path}.partial`;
  await db.backup(partial, { progress: () => 256 });
  // Renamed only when complete, so a half-written file is never listed as a backup.
  renameSync(partial, path);
  return { name, createdAt: now.toISOString(), sizeBytes: statSync(path).size };
}

/** Copies a closed database file (used before migrating a file that may not open cleanly). */
export function copyDatabaseFile(file: string, dir: string, label: BackupLabel, now: Date): Backup {
  mkdirSync(dir, { recursive: true });
  const name = `maktab-${stampOf(now)}-${label}.sqlite`;
  copyFileSync(file, join(dir, name));
  return { name, createdAt: now.toISOString(), sizeBytes: statSync(join(dir, name)).size };
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

export function lastDailyBackupAt(dir: string): Date | null {
  const newest = listBackups(dir).find((b) => b.name.endsWith('-daily.sqlite'));
  return newest ? new Date(newest.createdAt) : null;
}

/** Replaces the (closed) database file with a backup; the old file is moved aside, never deleted. */
export function replaceDatabaseWith(backupPath: string, dbFile: string, asideSuffix: string): void {
  if (existsSync(dbFile)) renameSync(dbFile, `${dbFile}.${asideSuffix}`);
  for (const suffix of ['-wal', '-shm']) {
    if (existsSync(dbFile + suffix)) rmSync(dbFile + suffix);
  }
  copyFileSync(backupPath, dbFile);
}
