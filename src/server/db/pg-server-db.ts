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

/** PostgreSQL through a `pg` pool, for production: several server instances may share it. */
export function openPgServerDb(connectionString: string, maxConnections = 10): ServerDb {
  const pool = new pg.Pool({ connectionString, max: maxConnections, types: typeParsers });
  // An idle client losing its connection must not crash the server; the next query reconnects.
  pool.on('error', () => undefined);
  return {
    ...wrap(pool, async (fn) => {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const inner: ServerDb = wrap(client, (nested) => nested(inner));
        const result = await fn(inner);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        // A connection that cannot even roll back is dropped, not handed to the next request.
        await client.query('ROLLBACK').catch((rollbackError: unknown) => {
          broken = rollbackError instanceof Error ? rollbackError : new Error('rollback failed');
        });
        throw error;
      } finally {
        client.release(broken);
      }
    }),
    close: () => pool.end(),
  };
}
