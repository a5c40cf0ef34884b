import { createSyncStore } from './migrations/0001-create-sync-store';
import { createFilesAndPublic } from './migrations/0002-create-files-and-public';
import { addFileHousekeeping } from './migrations/0003-add-file-housekeeping';
import type { ServerDb } from './server-db';

export interface ServerMigration {
  /** `NNNN-verb-noun`; the number is the server schema version it leads to. */
  readonly id: string;
  /** One statement each: the same SQL on PGlite and PostgreSQL. */
  readonly statements: readonly string[];
}

/** In order; never edit a migration that has shipped, add the next one. */
export const serverMigrations: readonly ServerMigration[] = [
  createSyncStore,
  createFilesAndPublic,
  addFileHousekeeping,
];

/** Two instances starting together on one PostgreSQL must not both migrate. */
const migrationLockKey = 7_262_501;

/** Brings the database to the latest server schema; returns the ids it applied. */
export async function migrateServerDb(db: ServerDb): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [migrationLockKey]);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS server_migrations (
        version INTEGER PRIMARY KEY,
        id TEXT NOT NULL,
        applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
      )`,
    );
    const rows = await tx.query<{ version: number }>('SELECT version FROM server_migrations');
    const applied = new Set(rows.map((row) => row.version));
    const newest = Math.max(0, ...applied);
    if (newest > serverMigrations.length) {
      throw new Error(
        `the database is at server schema ${newest}, newer than this server (${serverMigrations.length}): update the server`,
      );
    }
    const done: string[] = [];
    for (const [index, migration] of serverMigrations.entries()) {
      const version = index + 1;
      if (applied.has(version)) continue;
      for (const statement of migration.statements) await tx.query(statement);
      await tx.query('INSERT INTO server_migrations (version, id) VALUES ($1, $2)', [
        version,
        migration.id,
      ]);
      done.push(migration.id);
    }
    return done;
  });
}
