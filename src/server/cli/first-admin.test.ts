import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { readUser } from '../auth/server-users';
import { openPgServerDb } from '../db/pg-server-db';
import {
  createTestDatabase,
  describeOnBackends,
  emptyServerDb,
  postgresUrl,
} from '../testing/test-databases';
import { ManualClock, testServer, TestDevice } from '../testing/test-clients';
import { createFirstAdmin, FirstAdminRefused } from './first-admin';

const password = 'une phrase de passe longue';

describeOnBackends('the first administrator', (backend) => {
  it('is written as the server, signs in, and can be created only once', async () => {
    await emptyServerDb(backend.db());
    const clock = new ManualClock();
    const id = await createFirstAdmin(
      backend.db(),
      { username: 'Admin', displayName: 'مدير النظام', password },
      clock.ms,
    );
    expect(await readUser(backend.db(), id)).toMatchObject({
      username: 'admin',
      roles: ['admin'],
      active: true,
      language: 'ar',
    });
    const app = await testServer(backend.db(), clock);
    try {
      const admin = await TestDevice.signIn(app, 'admin', clock.now, password);
      const pulled = await admin.pullAll();
      expect(pulled.changes.filter((change) => change.rowId === id)).toHaveLength(6);
      expect(new Set(pulled.changes.map((change) => change.deviceId))).toEqual(new Set(['server']));
    } finally {
      await app.close();
    }
    await expect(
      createFirstAdmin(backend.db(), { username: 'second', displayName: 'Second', password }),
    ).rejects.toThrow(/already exists/);
  });

  it('refuses a bad username, display name or an easy password', async () => {
    await emptyServerDb(backend.db());
    for (const input of [
      { username: 'a', displayName: 'Admin', password },
      { username: 'admin', displayName: '\u202eAdmin', password },
      { username: 'admin', displayName: 'Admin', password: 'short' },
      { username: 'admin', displayName: 'Admin', password: 'admin12345678' },
      { username: 'admin', displayName: 'Admin', password: '1234567890' },
    ]) {
      await expect(createFirstAdmin(backend.db(), input)).rejects.toBeInstanceOf(FirstAdminRefused);
    }
    expect(await backend.db().query('SELECT 1 FROM cells')).toEqual([]);
  });
});

const run = promisify(execFile);

it.skipIf(postgresUrl() === null)(
  '`npm run server:admin` creates it once, then refuses',
  async () => {
    const url = await createTestDatabase(postgresUrl() ?? '');
    const env = { ...process.env, DATABASE_URL: url, MAKTAB_ADMIN_PASSWORD: password };
    const args = [
      'tsx',
      'src/server/cli/create-admin.ts',
      '--username',
      'chef',
      '--display-name',
      'Chef IT',
    ];
    const first = await run('npx', args, { env });
    expect(first.stdout).toMatch(/administrator chef created/);
    const second = await run('npx', args, { env }).then(
      () => null,
      (error: { code?: number; stderr?: string }) => error,
    );
    expect(second?.code).toBe(1);
    expect(second?.stderr).toMatch(/already exists/);
    const db = openPgServerDb(url);
    try {
      const rows = await db.query<{ n: number }>(
        `SELECT COUNT(*)::int AS n FROM cells WHERE tbl = 'users' AND col = 'username'`,
      );
      expect(rows).toEqual([{ n: 1 }]);
    } finally {
      await db.close();
    }
  },
);
