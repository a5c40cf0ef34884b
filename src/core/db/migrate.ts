import type { Db } from './connection';
import { migrations as appMigrations, type Migration } from './migrations';

/** The file was written by a newer Maktab: never migrate it down or write to it; update the app. */
export class SchemaTooNewError extends Error {
  constructor(
    readonly fileVersion: number,
    readonly appVersion: number,
  ) {
    super(`database schema ${fileVersion} is newer than this app (${appVersion}); update Maktab`);
    this.name = 'SchemaTooNewError';
  }
}

export interface MigrationPlan {
  from: number;
  to: number;
}

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function pendingMigrations(
  db: Db,
  migrations: readonly Migration[] = appMigrations,
): MigrationPlan | null {
  const from = schemaVersion(db);
  if (from > migrations.length) throw new SchemaTooNewError(from, migrations.length);
  return from === migrations.length ? null : { from, to: migrations.length };
}

/** Runs the pending migrations in one transaction; a failure leaves the file as it was. */
export function runMigrations(
  db: Db,
  migrations: readonly Migration[] = appMigrations,
): MigrationPlan | null {
  const plan = pendingMigrations(db, migrations);
  if (!plan) return null;
  db.transaction(() => {
    for (const migration of migrations.slice(plan.from)) migration.up(db);
    db.pragma(`user_version = ${plan.to}`);
  }).immediate();
  return plan;
}
