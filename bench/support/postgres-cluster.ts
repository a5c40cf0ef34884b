import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

/**
 * A throwaway PostgreSQL cluster on loopback for the sync benchmarks, started as vitest.postgres.ts
 * starts the tests' one (initdb as the postgres user when run as root, trust on 127.0.0.1, fsync
 * off). MAKTAB_BENCH_DATABASE_URL points at an existing server instead. null when PostgreSQL is not
 * installed: the benchmarks then run the server on PGlite and say so.
 */
export interface PostgresCluster {
  url: string;
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}

const execFileAsync = promisify(execFile);

function binDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((name) => existsSync(join(root, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? null : join(root, versions[0], 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address !== null
          ? resolvePort(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

async function createDatabaseIn(baseUrl: string): Promise<string> {
  const name = `maktab_bench_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
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

export async function startPostgres(): Promise<PostgresCluster | null> {
  const given = process.env.MAKTAB_BENCH_DATABASE_URL;
  if (given)
    return { url: given, createDatabase: () => createDatabaseIn(given), stop: async () => {} };
  const bin = binDir();
  if (bin === null) return null;
  const asRoot = userInfo().uid === 0;
  const owner = asRoot ? Number(execFileSync('id', ['-u', 'postgres']).toString().trim()) : null;
  const run = async (command: string, args: string[]): Promise<void> => {
    const [file, fileArgs] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', command, ...args]]
      : [command, args];
    await execFileAsync(file, fileArgs);
  };
  const dir = mkdtempSync(join(tmpdir(), 'maktab-bench-pg-'));
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
  // A benchmark's throwaway cluster: no fsync, a larger WAL so the bulk load does not checkpoint
  // every few seconds.
  const options =
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200 ` +
    `-c max_wal_size=4GB -c shared_buffers=256MB`;
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
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    createDatabase: () => createDatabaseIn(url),
    stop: async () => {
      try {
        await run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
