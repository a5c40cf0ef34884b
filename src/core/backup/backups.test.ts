import { readdirSync, writeFileSync, openSync, writeSync, closeSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { Core } from '../core';
import { adminPassword, createTestCore, setUpAdmin, type TestCore } from '../testing/test-core';

let t: TestCore;
beforeEach(() => {
  t = createTestCore();
});
afterEach(() => t.dispose());

const DAY = 86_400_000;

function dailyBackups(): string[] {
  return readdirSync(join(t.dataDir, 'backups')).filter((name) => name.endsWith('-daily.sqlite'));
}

describe('backups', () => {
  it('takes one automatic backup a day and keeps the last N', async () => {
    setUpAdmin(t);
    t.ok('settings:update', { lockAfterMinutes: 10, backupsToKeep: 3, updateFeedUrl: '' });
    await t.core.tick();
    expect(dailyBackups()).toHaveLength(1);
    t.clock.advance(DAY / 2);
    await t.core.tick();
    expect(dailyBackups()).toHaveLength(1);
    for (let day = 0; day < 5; day++) {
      t.clock.advance(DAY);
      await t.core.tick();
    }
    expect(dailyBackups()).toHaveLength(3);
    t.ok('session:unlock', { password: adminPassword });
    expect(t.ok('home:counts', {}).lastBackupAt).toBe(new Date(t.clock.ms).toISOString());
  });

  it('restores a backup: the data comes back as it was, the session is closed', () => {
    setUpAdmin(t);
    t.ok('departments:create', { nameAr: 'البيئة والتنمية المستدامة', nameFr: 'Environnement' });
    const backup = t.ok('backups:create', {});
    t.ok('departments:create', { nameAr: 'الطرق والأشغال', nameFr: 'Voirie et travaux' });
    expect(t.ok('departments:list', {})).toHaveLength(2);

    const events: string[] = [];
    t.core.on((event) => events.push(event));
    t.ok('backups:restore', { name: backup.name });
    expect(events).toContain('session:changed');
    expect(t.ok('session:status', {}).user).toBeNull();
    t.ok('session:signIn', { username: 'admin', password: adminPassword });
    expect(t.ok('departments:list', {}).map((d) => d.nameAr)).toEqual([
      'البيئة والتنمية المستدامة',
    ]);
    const restored = t.ok('audit:list', { page: 0, pageSize: 5, action: 'backups.restore' }).rows;
    expect(restored).toHaveLength(1);
    expect(restored[0]).toMatchObject({ userName: 'مدير النظام', detail: { name: backup.name } });
    // What was there before the restore is kept as a backup of its own.
    expect(t.ok('backups:list', {}).some((b) => b.name.endsWith('-pre-restore.sqlite'))).toBe(true);
    // The restored database keeps working and survives a restart.
    t.ok('departments:create', { nameAr: 'الحالة المدنية', nameFr: 'État civil' });
    t.reopen();
    t.ok('session:signIn', { username: 'admin', password: adminPassword });
    expect(t.ok('departments:list', {})).toHaveLength(2);
  });

  it('refuses a backup name that does not exist or tries to leave the folder', () => {
    setUpAdmin(t);
    expect(
      t.call('backups:restore', { name: 'maktab-2020-01-01T00-00-00000Z-daily.sqlite' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(t.call('backups:restore', { name: '../maktab.sqlite' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });
});

describe('start-up integrity check', () => {
  function damageDatabase(): void {
    t.core.close();
    const file = join(t.dataDir, 'maktab.sqlite');
    const size = statSync(file).size;
    const fd = openSync(file, 'r+');
    // Overwrite everything after the header page with garbage: the schema and data pages.
    writeSync(fd, Buffer.alloc(size - 4096, 0x5a), 0, size - 4096, 4096);
    closeSync(fd);
  }

  it('reports a damaged file clearly and offers the backups; restoring one brings the data back', () => {
    setUpAdmin(t);
    t.ok('departments:create', { nameAr: 'الإنارة العمومية', nameFr: 'Éclairage public' });
    const backup = t.ok('backups:create', {});
    damageDatabase();
    t.reopen();
    const status = t.ok('session:status', {});
    expect(status.database).toBe('damaged');
    expect(status.damagedReason).toBeTruthy();
    expect(t.call('session:signIn', { username: 'admin', password: adminPassword })).toMatchObject({
      ok: false,
      error: { code: 'DATABASE_DAMAGED' },
    });
    expect(t.ok('recovery:backups', {}).map((b) => b.name)).toContain(backup.name);
    t.ok('recovery:restore', { name: backup.name });
    expect(t.ok('session:status', {}).database).toBe('ok');
    t.ok('session:signIn', { username: 'admin', password: adminPassword });
    expect(t.ok('departments:list', {}).map((d) => d.nameFr)).toEqual(['Éclairage public']);
  });

  it('can start empty, keeping the damaged file aside', () => {
    setUpAdmin(t);
    damageDatabase();
    t.reopen();
    t.ok('recovery:startEmpty', {});
    expect(t.ok('session:status', {})).toMatchObject({ database: 'ok', setupRequired: true });
    expect(readdirSync(t.dataDir).some((name) => name.includes('.damaged-'))).toBe(true);
  });

  it('treats a file that is not SQLite at all as damaged', () => {
    t.core.close();
    writeFileSync(
      join(t.dataDir, 'maktab.sqlite'),
      'ceci n’est pas une base de données '.repeat(200),
    );
    t.reopen();
    expect(t.ok('session:status', {}).database).toBe('damaged');
  });

  it('asks for an update, and touches nothing, when the file comes from a newer version', () => {
    setUpAdmin(t);
    t.core.database().pragma('user_version = 99');
    t.reopen();
    expect(t.ok('session:status', {})).toMatchObject({ database: 'too-new' });
    expect(t.call('recovery:startEmpty', {})).toMatchObject({
      ok: false,
      error: { code: 'DATABASE_TOO_NEW' },
    });
    expect(t.call('session:signIn', { username: 'admin', password: adminPassword })).toMatchObject({
      ok: false,
      error: { code: 'DATABASE_TOO_NEW' },
    });
  });

  it('checks a large file in a background thread and stops using it if it is damaged', async () => {
    setUpAdmin(t);
    t.ok('departments:create', { nameAr: 'الإنارة العمومية', nameFr: 'Éclairage public' });
    t.core.close();
    // A bad sector in the last page (an index of the audit log): start-up reads never touch it.
    const file = join(t.dataDir, 'maktab.sqlite');
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, statSync(file).size - 4096);
    closeSync(fd);
    // Every file counts as large here: core answers at once, the check runs in another thread.
    t.core = new Core({ dataDir: t.dataDir, wallClock: t.clock.now, inlineCheckMaxBytes: 0 });
    const events: string[] = [];
    t.core.on((_event, payload) => events.push((payload as { reason?: string }).reason ?? ''));
    await t.core.integrityChecked;
    expect(t.ok('session:status', {})).toMatchObject({ database: 'damaged' });
    expect(events).toContain('damaged');
  });

  it('finds nothing wrong in the background with a sound large file', async () => {
    setUpAdmin(t);
    t.core.close();
    t.core = new Core({ dataDir: t.dataDir, wallClock: t.clock.now, inlineCheckMaxBytes: 0 });
    await t.core.integrityChecked;
    expect(t.ok('session:status', {}).database).toBe('ok');
  });

  it('refuses recovery procedures while the database is fine', () => {
    expect(t.call('recovery:startEmpty', {})).toMatchObject({
      ok: false,
      error: { code: 'DATABASE_OK' },
    });
  });

  it('calls a locked file unavailable, never damaged, and opens it once the lock is gone', () => {
    setUpAdmin(t);
    t.core.close();
    const other = new Database(join(t.dataDir, 'maktab.sqlite'));
    other.pragma('busy_timeout = 0');
    other.pragma('locking_mode = EXCLUSIVE');
    other.exec('BEGIN EXCLUSIVE');
    try {
      t.core = new Core({ dataDir: t.dataDir, wallClock: t.clock.now, busyTimeoutMs: 50 });
      expect(t.ok('session:status', {})).toMatchObject({ database: 'unavailable' });
      expect(t.call('recovery:startEmpty', {})).toMatchObject({
        ok: false,
        error: { code: 'DATABASE_UNAVAILABLE' },
      });
    } finally {
      other.exec('COMMIT');
      other.close();
    }
    t.ok('recovery:retry', {});
    expect(t.ok('session:status', {})).toMatchObject({ database: 'ok', setupRequired: false });
  });
});

describe('restore safety', () => {
  it('keeps the current data, and the session, when the backup itself is damaged', () => {
    setUpAdmin(t);
    t.ok('departments:create', { nameAr: 'الطرق والأشغال', nameFr: 'Voirie et travaux' });
    const backup = t.ok('backups:create', {});
    const path = join(t.dataDir, 'backups', backup.name);
    writeFileSync(path, 'not a database at all '.repeat(500));
    expect(t.call('backups:restore', { name: backup.name })).toMatchObject({
      ok: false,
      error: { code: 'BACKUP_FAILED' },
    });
    expect(t.ok('session:status', {})).toMatchObject({ database: 'ok' });
    expect(t.ok('departments:list', {})).toHaveLength(1);
    expect(readdirSync(t.dataDir).filter((name) => name.includes('.restoring'))).toEqual([]);
  });

  it('still takes the daily backup after a backup dated in the future (a wrong clock)', async () => {
    setUpAdmin(t);
    t.clock.advance(365 * DAY);
    await t.core.tick();
    t.clock.advance(-365 * DAY);
    t.ok('session:signIn', { username: 'admin', password: adminPassword });
    await t.core.tick();
    expect(dailyBackups()).toHaveLength(2);
  });
});
