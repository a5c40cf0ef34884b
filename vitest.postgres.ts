import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { promisify } from 'node:util';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrateServerDb } from './src/server/db/migrations';
import { openPgliteServerDb } from './src/server/db/pglite-server-db';
import './src/server/testing/provided-context';

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

function postgresBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? null : join(root, versions[0], 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

const execFileAsync = promisify(execFile);

/** initdb refuses to run as root: run the binaries as the postgres user then. */
function runner(): { run: (bin: string, args: string[]) => Promise<void>; owner: number | null } {
  const asRoot = userInfo().uid === 0;
  const owner = asRoot ? Number(execFileSync('id', ['-u', 'postgres']).toString().trim()) : null;
  return {
    owner,
    run: async (bin, args) => {
      const [command, commandArgs] = asRoot
        ? ['runuser', ['-u', 'postgres', '--', bin, ...args]]
        : [bin, args];
      await execFileAsync(command, commandArgs);
    },
  };
}

interface Cluster {
  url: string;
  stop: () => Promise<void>;
}

/** initdb (about a second) and pg_ctl start in a temp folder owned by the cluster's user. */
async function startCluster(bin: string): Promise<Cluster> {
  const { run, owner } = runner();
  const dir = mkdtempSync(join(tmpdir(), 'maktab-pg-'));
  const data = join(dir, 'data');
  if (owner !== null) chownSync(dir, owner, owner);
  const port = await freePort();
  await run(join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--locale=C.UTF-8',
  ]);
  // A throwaway cluster: no fsync, room for the pools of several test files at once.
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  await run(join(bin, 'pg_ctl'), [
    '-D',
    data,
    '-l',
    join(dir, 'log'),
    '-o',
    options,
    '-w',
    'start',
  ]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      try {
        await run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
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
