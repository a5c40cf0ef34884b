import pg from 'pg';
import { postgresBinDir, startCluster } from '../../scripts/postgres-cluster';

/**
 * The sync benchmarks' PostgreSQL: the same throwaway cluster as the server's tests
 * (scripts/postgres-cluster.ts), tuned for a bulk load. MAKTAB_BENCH_DATABASE_URL points at an existing server instead. null when PostgreSQL is not
 * installed: the benchmarks then run the server on PGlite and say so.
 */
export interface BenchPostgres {
  url: string;
  /**
   * How the server reaches PostgreSQL: by its Unix socket (the README's advice when both run on one
   * host, and the default here), or over TCP on loopback (MAKTAB_BENCH_PG_TCP=1); `given` for
   * MAKTAB_BENCH_DATABASE_URL.
   */
  connection: 'unix-socket' | 'tcp' | 'given';
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
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

export async function startPostgres(): Promise<BenchPostgres | null> {
  const given = process.env.MAKTAB_BENCH_DATABASE_URL;
  if (given)
    return {
      url: given,
      connection: 'given',
      createDatabase: () => createDatabaseIn(given),
      stop: async () => {},
    };
  const bin = postgresBinDir();
  if (bin === null) return null;
  // A larger WAL so the bulk load does not checkpoint every few seconds.
  const cluster = await startCluster(bin, { max_wal_size: '4GB', shared_buffers: '256MB' });
  const connection = process.env.MAKTAB_BENCH_PG_TCP === '1' ? 'tcp' : 'unix-socket';
  const url = connection === 'tcp' ? cluster.url : cluster.socketUrl;
  return { url, connection, stop: cluster.stop, createDatabase: () => createDatabaseIn(url) };
}
