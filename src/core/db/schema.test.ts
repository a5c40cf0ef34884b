import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syncedTables } from '../../shared/tables/registry';
import { openDatabase, type Db } from './connection';
import { runMigrations } from './migrate';
import { migrations } from './migrations';
import { openLocalDatabase } from './startup';

function freshDir(): string {
  return mkdtempSync(join(tmpdir(), 'maktab-schema-'));
}

describe('schema', () => {
  it('names migrations NNNN-verb-noun, numbered in order', () => {
    migrations.forEach((migration, i) => {
      expect(migration.id).toMatch(/^\d{4}-[a-z]+-[a-z-]+$/);
      expect(Number(migration.id.slice(0, 4))).toBe(i + 1);
    });
  });

  it('has exactly the declared columns (plus id and deleted) for every synced table', () => {
    const db = openDatabase(join(freshDir(), 'db.sqlite'));
    runMigrations(db);
    for (const table of Object.values(syncedTables)) {
      const columns = (db.pragma(`table_info(${table.name})`) as { name: string }[])
        .map((c) => c.name)
        .sort();
      expect(columns, table.name).toEqual(['deleted', 'id', ...Object.keys(table.columns)].sort());
    }
    db.close();
  });

  it('uses WAL and foreign keys', () => {
    const db = openDatabase(join(freshDir(), 'db.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('backs the file up before migrating an existing database, and migrates in one transaction', () => {
    const dir = freshDir();
    const file = join(dir, 'maktab.sqlite');
    const backups = join(dir, 'backups');
    // The test's own history: the platform, then a failing or a real second migration.
    const platformOnly = migrations.slice(0, 1);
    const first = openLocalDatabase(file, backups, new Date(), {}, platformOnly);
    if (first.kind !== 'ok') throw new Error('expected ok');
    first.db.exec("INSERT INTO local_meta VALUES ('note', 'قبل الترحيل')");
    first.db.close();

    const failing = [
      ...platformOnly,
      {
        id: '0002-break-everything',
        up: () => {
          throw new Error('boom');
        },
      },
    ];
    expect(
      openLocalDatabase(file, backups, new Date(), {}, platformOnly),
      'still fine before',
    ).toMatchObject({
      kind: 'ok',
    });
    const broken = openLocalDatabase(file, backups, new Date(), {}, failing);
    expect(broken).toMatchObject({ kind: 'unavailable', reason: 'boom' });

    const next = [
      ...platformOnly,
      { id: '0002-add-notes', up: (db: Db) => db.exec('CREATE TABLE notes (x TEXT)') },
    ];
    const migrated = openLocalDatabase(file, backups, new Date(), {}, next);
    if (migrated.kind !== 'ok') throw new Error('expected ok');
    expect(migrated.db.pragma('user_version', { simple: true })).toBe(2);
    migrated.db.close();
    const copies = readdirSync(backups).filter((name) => name.endsWith('-pre-migration.sqlite'));
    expect(copies.length).toBeGreaterThanOrEqual(1);
    const copy = openDatabase(join(backups, copies.at(-1)!));
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    expect(copy.prepare("SELECT value FROM local_meta WHERE key = 'note'").get()).toEqual({
      value: 'قبل الترحيل',
    });
    copy.close();
  });

  it('refuses a database written by a newer version of the app', () => {
    const dir = freshDir();
    const file = join(dir, 'maktab.sqlite');
    const db = openDatabase(file);
    db.pragma('user_version = 99');
    db.close();
    expect(openLocalDatabase(file, join(dir, 'backups'), new Date())).toMatchObject({
      kind: 'too-new',
      reason: expect.stringContaining('newer') as unknown,
    });
  });

  it('stops the start when the SQLite module cannot load, instead of calling good data damaged', () => {
    const dir = freshDir();
    expect(() =>
      openLocalDatabase(join(dir, 'maktab.sqlite'), join(dir, 'backups'), new Date(), {
        nativeBinding: join(dir, 'missing-better_sqlite3.node'),
      }),
    ).toThrow();
  });
});
