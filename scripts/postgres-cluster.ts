import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * A throwaway PostgreSQL cluster on loopback (TOOLCHAIN.md, Servers), for the server's tests
 * (vitest.postgres.ts) and the sync benchmarks: trust authentication on 127.0.0.1 only, no fsync,
 * stopped and deleted by stop().
 */

export function postgresBinDir(): string | null {
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

export interface PostgresCluster {
  url: string;
  /** The same server through its Unix socket (no TCP on the way), for a same-host connection. */
  socketUrl: string;
  stop: () => Promise<void>;
}

/**
 * initdb (about a second) and pg_ctl start in a temp folder owned by the cluster's user, on a free
 * loopback port; `settings` are extra `-c name=value` server settings.
 */
export async function startCluster(
  bin: string,
  settings: Record<string, string> = {},
): Promise<PostgresCluster> {
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
  const extra = Object.entries(settings).map(([name, value]) => ` -c ${name}=${value}`);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200${extra.join('')}`;
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
    socketUrl: `postgres://postgres@localhost:${port}/postgres?host=${encodeURIComponent(dir)}`,
    stop: async () => {
      try {
        await run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
