import { openPgServerDb } from './pg-server-db';
import { openPgliteServerDb } from './pglite-server-db';
import type { ServerDb } from './server-db';

export interface DatabaseConfig {
  /** PostgreSQL when set (production); otherwise embedded PGlite in `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
}

/**
 * PostgreSQL through `pg` when DATABASE_URL is set, else an embedded PGlite database in its data
 * folder, so a newcomer runs the server with one command (DESIGN.md, Central server). PGlite is
 * one process's database: run one server (or the admin command) at a time on its folder.
 */
export function openServerDb(config: DatabaseConfig): Promise<ServerDb> {
  if (config.databaseUrl) return Promise.resolve(openPgServerDb(config.databaseUrl));
  return openPgliteServerDb(config.dataDir);
}
