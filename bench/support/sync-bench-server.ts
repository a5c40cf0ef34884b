import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '../../src/shared/roles';
import { migrateServerDb } from '../../src/server/db/migrations';
import { openPgServerDb } from '../../src/server/db/pg-server-db';
import { openPgliteServerDb } from '../../src/server/db/pglite-server-db';
import type { ServerDb } from '../../src/server/db/server-db';
import { seedUser, testPassword } from '../../src/server/testing/test-clients';
import { startPostgres } from './postgres-cluster';
import { startSyncServer, type SyncServerProcess } from './sync-processes';
import { loadServerFromGenerated, type LoadedServer } from './sync-server-load';

export { testPassword as benchPassword };

export interface BenchServer {
  backend: 'postgres' | 'pglite';
  /** How the server reaches PostgreSQL (postgres-cluster.ts); `embedded` for PGlite. */
  connection: 'unix-socket' | 'tcp' | 'given' | 'embedded';
  process: SyncServerProcess;
  loaded: LoadedServer | null;
  /** Server user ids by username. */
  users: Map<string, string>;
  /** A connection of the bench process's own onto the server's database (PostgreSQL only). */
  db: ServerDb | null;
  stop(): Promise<void>;
}

export interface BenchServerOptions {
  /** A generated app database whose rows the server holds, or none (an empty register). */
  generatedFile?: string | undefined;
  users: readonly { username: string; roles: Role[] }[];
}

/**
 * A server database, PostgreSQL in a throwaway cluster when it is installed (PGlite otherwise),
 * migrated, loaded in bulk and with the benchmark's accounts; then the server in its own process.
 */
export async function startBenchServer(options: BenchServerOptions): Promise<BenchServer> {
  const cluster = await startPostgres();
  let db: ServerDb;
  let target: string;
  let pgliteDir: string | null = null;
  if (cluster) {
    target = await cluster.createDatabase();
    db = openPgServerDb(target, 4);
  } else {
    pgliteDir = mkdtempSync(join(tmpdir(), 'maktab-bench-pglite-'));
    target = `pglite:${pgliteDir}`;
    db = await openPgliteServerDb(pgliteDir);
  }
  await migrateServerDb(db);
  let loaded: LoadedServer | null = null;
  if (options.generatedFile) {
    let reported = 0;
    loaded = await loadServerFromGenerated(db, options.generatedFile, (done) => {
      if (done - reported >= 1_000_000) {
        reported = done;
        process.stderr.write(`  server load: ${done} cells\n`);
      }
    });
  }
  const users = new Map<string, string>();
  for (const user of options.users)
    users.set(user.username, await seedUser(db, user, Date.now() - 60_000));
  // PGlite is one process's database: the server child opens it once this process has let go.
  if (!cluster) await db.close();
  const serverProcess = await startSyncServer(target);
  return {
    backend: cluster ? 'postgres' : 'pglite',
    connection: cluster?.connection ?? 'embedded',
    process: serverProcess,
    loaded,
    users,
    db: cluster ? db : null,
    stop: async () => {
      await serverProcess.stop();
      if (cluster) await db.close();
      await cluster?.stop();
      if (pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
    },
  };
}
