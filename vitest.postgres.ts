import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrateServerDb } from './src/server/db/migrations';
import { openPgliteServerDb } from './src/server/db/pglite-server-db';
import './src/server/testing/provided-context';
import { postgresBinDir, startCluster } from './scripts/postgres-cluster';

/**
 * Global setup of the server's tests (DESIGN.md, Tests: "on PGlite and on a real PostgreSQL that
 * the test run starts on loopback"): a throwaway cluster in a temp folder, on a free port, trust
 * authentication on 127.0.0.1 only, stopped and deleted at the end of the run. Each test file
 * creates its own database in it. MAKTAB_TEST_DATABASE_URL points the run at an existing server
 * instead; MAKTAB_SKIP_POSTGRES=1 skips the PostgreSQL suites (PGlite still runs).
 * It also makes one migrated PGlite database and dumps it: each file starts from that copy in about
 * a second instead of creating a database in about five.
 */

async function pgliteTemplate(dir: string): Promise<string> {
  const db = await openPgliteServerDb(undefined);
  try {
    await migrateServerDb(db);
    const file = join(dir, 'pglite-template.tar');
    writeFileSync(file, Buffer.from(await (await db.dump()).arrayBuffer()));
    return file;
  } finally {
    await db.close();
  }
}

export async function setup(project: TestProject): Promise<() => Promise<void>> {
  const scratch = mkdtempSync(join(tmpdir(), 'maktab-server-tests-'));
  const removeScratch = () => rmSync(scratch, { recursive: true, force: true });
  const template = pgliteTemplate(scratch);
  const given = process.env.MAKTAB_TEST_DATABASE_URL;
  const skip = process.env.MAKTAB_SKIP_POSTGRES === '1';
  const bin = given || skip ? null : postgresBinDir();
  if (!given && !skip && bin === null) {
    await template.catch(() => undefined);
    removeScratch();
    throw new Error(
      'PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): the server tests run on ' +
        'a real PostgreSQL too. Install it (apt-get install postgresql) or set MAKTAB_SKIP_POSTGRES=1 ' +
        'to run the PGlite suites only.',
    );
  }
  // The cluster starts while the PGlite template is made.
  const [templateFile, cluster] = await Promise.all([
    template,
    bin === null ? Promise.resolve(null) : startCluster(bin),
  ]);
  project.provide('maktabPgliteTemplate', templateFile);
  project.provide('maktabPostgresUrl', given || (cluster?.url ?? null));
  return async () => {
    try {
      await cluster?.stop();
    } finally {
      removeScratch();
    }
  };
}
