import { expect, it } from 'vitest';
import { openPgServerDb } from './pg-server-db';
import { migrateServerDb, serverMigrations } from './migrations';
import { createTestDatabase, describeOnBackends, postgresUrl } from '../testing/test-databases';

describeOnBackends('server migrations', (backend) => {
  it('are applied once, in order, and recorded', async () => {
    expect(await migrateServerDb(backend.db())).toEqual([]);
    const rows = await backend
      .db()
      .query<{ version: number; id: string }>(
        'SELECT version, id FROM server_migrations ORDER BY version',
      );
    expect(rows).toEqual(
      serverMigrations.map((migration, i) => ({ version: i + 1, id: migration.id })),
    );
  });

  it('refuse a database written by a newer server', async () => {
    await backend
      .db()
      .query(`INSERT INTO server_migrations (version, id) VALUES (999, '0999-future')`);
    try {
      await expect(migrateServerDb(backend.db())).rejects.toThrow(/newer than this server/);
    } finally {
      await backend.db().query('DELETE FROM server_migrations WHERE version = 999');
    }
  });

  it('roll a failed transaction back whole', async () => {
    await expect(
      backend.db().transaction(async (tx) => {
        await tx.query(
          `INSERT INTO register_counters (register, year, last) VALUES ('t', 2026, 1)`,
        );
        await tx.transaction((inner) => inner.query('SELECT 1 / 0'));
      }),
    ).rejects.toThrow();
    expect(
      await backend.db().query(`SELECT * FROM register_counters WHERE register = 't'`),
    ).toEqual([]);
  });
});

it.skipIf(postgresUrl() === null)('let two instances starting together migrate once', async () => {
  const url = await createTestDatabase(postgresUrl() ?? '');
  const [a, b] = [openPgServerDb(url), openPgServerDb(url)];
  try {
    const applied = await Promise.all([migrateServerDb(a), migrateServerDb(b)]);
    expect(applied.map((ids) => ids.length).sort()).toEqual([0, serverMigrations.length]);
  } finally {
    await a.close();
    await b.close();
  }
});
