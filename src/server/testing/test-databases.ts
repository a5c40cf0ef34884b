import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { migrateServerDb } from '../db/migrations';
import { openPgServerDb } from '../db/pg-server-db';
import { openPgliteServerDb } from '../db/pglite-server-db';
import type { ServerDb } from '../db/server-db';
import './provided-context';

export type BackendName = 'pglite' | 'postgres';

export interface TestBackend {
  readonly name: BackendName;
  /** The file's database, migrated (open from beforeAll to afterAll). */
  db(): ServerDb;
  /**
   * Another connection pool onto the same database, as a second server process would have; on
   * PGlite (one process's database) the same one. Closed with the file's database.
   */
  another(): ServerDb;
}

/** The address of the run's throwaway cluster (vitest.postgres.ts), or null when skipped. */
export function postgresUrl(): string | null {
  return inject('maktabPostgresUrl');
}

/** A fresh database in the run's cluster for one test file. */
export async function createTestDatabase(baseUrl: string): Promise<string> {
  const name = `maktab_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: baseUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Empties every table but the migrations' own, between tests sharing a file's database. The list
 * comes from the catalog, so a table a new migration adds is emptied too.
 */
export async function emptyServerDb(db: ServerDb): Promise<void> {
  const tables = await db.query<{ name: string }>(
    `SELECT quote_ident(tablename) AS name FROM pg_tables
     WHERE schemaname = current_schema() AND tablename <> 'server_migrations'
     ORDER BY tablename`,
  );
  if (tables.length > 0) await db.query(`TRUNCATE ${tables.map((table) => table.name).join(', ')}`);
}

/**
 * The same suite on embedded PGlite and on a real PostgreSQL (DESIGN.md, Tests), one database per
 * file and backend. MAKTAB_SKIP_POSTGRES=1 skips the PostgreSQL half.
 */
export function describeOnBackends(
  title: string,
  suite: (backend: TestBackend) => void,
  only?: readonly BackendName[],
): void {
  for (const name of only ?? (['pglite', 'postgres'] as const)) {
    const url = name === 'postgres' ? postgresUrl() : null;
    describe.skipIf(name === 'postgres' && url === null)(`${title} (${name})`, () => {
      let db: ServerDb | null = null;
      const others: ServerDb[] = [];
      let dbUrl: string | null = null;
      beforeAll(async () => {
        if (name === 'pglite') {
          const template = inject('maktabPgliteTemplate');
          db = await openPgliteServerDb(
            undefined,
            template === null ? {} : { loadDataDir: new Blob([readFileSync(template)]) },
          );
        } else {
          dbUrl = await createTestDatabase(url ?? '');
          db = openPgServerDb(dbUrl, 20);
        }
        await migrateServerDb(db);
      }, 60_000);
      afterAll(async () => {
        for (const other of others) await other.close();
        await db?.close();
      });
      suite({
        name,
        db: () => {
          if (!db) throw new Error('the test database is not open yet');
          return db;
        },
        another: () => {
          if (!db) throw new Error('the test database is not open yet');
          if (dbUrl === null) return db;
          const other = openPgServerDb(dbUrl, 20);
          others.push(other);
          return other;
        },
      });
    });
  }
}
