import pg from 'pg';
import type { ServerDb, SqlParam } from './server-db';

// BIGINT (sequence numbers) as a JS number, as PGlite gives it: safe up to 2^53.
const int8Oid = 20;
const typeParsers = new pg.TypeOverrides();
typeParsers.setTypeParser(int8Oid, 'text', (text: string) => Number(text));

type Queryable = Pick<pg.PoolClient, 'query'>;

function wrap(target: Queryable, transaction: ServerDb['transaction']): ServerDb {
  return {
    kind: 'postgres',
    async query<Row extends object>(sql: string, params: readonly SqlParam[] = []) {
      const result = await target.query<Row>(sql, params as unknown[]);
      return result.rows;
    },
    transaction,
    close: () => Promise.reject(new Error('close the database, not a transaction')),
  };
}

function openPool(connectionString: string, max: number): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    types: typeParsers,
    // Every statement here touches a few rows or walks an index for one page: parallel workers
    // only add start-up work, and took a snapshot page off the index once (pull.ts).
    options: '-c max_parallel_workers_per_gather=0',
  });
  // An idle client losing its connection must not crash the server; the next query reconnects.
  pool.on('error', () => undefined);
  return pool;
}

/**
 * A transaction's connection that sends BEGIN with its first statement when that one has no
 * parameters (one round trip less: on loopback the writes themselves are much of a push's cost),
 * or just before it otherwise.
 */
function beginningWithFirstQuery(client: pg.PoolClient): Queryable & { begun(): boolean } {
  let begun = false;
  return {
    begun: () => begun,
    query: (async (sql: string, params?: unknown[]) => {
      if (begun) return client.query(sql, params);
      begun = true;
      if (params !== undefined && params.length > 0) {
        await client.query('BEGIN');
        return client.query(sql, params);
      }
      // Two statements in one simple query: pg answers with both results.
      const results = (await client.query(`BEGIN; ${sql}`)) as unknown as pg.QueryResult[];
      return results[results.length - 1];
    }) as Queryable['query'],
  };
}

/**
 * PostgreSQL through `pg`, for production: several server instances may share it. Transactions
 * (pushes, which may wait for row and log locks) and single statements (pulls, token checks) have
 * a pool each, `maxConnections` apiece, so reads never queue behind writes waiting for a lock.
 */
export function openPgServerDb(connectionString: string, maxConnections = 10): ServerDb {
  const writes = openPool(connectionString, maxConnections);
  const reads = openPool(connectionString, maxConnections);
  return {
    ...wrap(reads, async (fn) => {
      const client = await writes.connect();
      const connection = beginningWithFirstQuery(client);
      let broken: Error | undefined;
      try {
        const inner: ServerDb = wrap(connection, (nested) => nested(inner));
        const result = await fn(inner);
        if (connection.begun()) await client.query('COMMIT');
        return result;
      } catch (error) {
        if (!connection.begun()) throw error;
        // A connection that cannot even roll back is dropped, not handed to the next request.
        await client.query('ROLLBACK').catch((rollbackError: unknown) => {
          broken = rollbackError instanceof Error ? rollbackError : new Error('rollback failed');
        });
        throw error;
      } finally {
        client.release(broken);
      }
    }),
    close: async () => {
      await Promise.all([writes.end(), reads.end()]);
    },
  };
}
