import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import type { ServerDb, SqlParam } from './server-db';

type Queryable = Pick<Transaction, 'query'>;

// PGlite already returns BIGINT as a number when it fits; say so, so both adapters agree.
const parsers = { [types.INT8]: (text: string) => Number(text) };

function wrap(target: Queryable, transaction: ServerDb['transaction']): ServerDb {
  return {
    kind: 'pglite',
    async query<Row extends object>(sql: string, params: readonly SqlParam[] = []) {
      const result = await target.query<Row>(sql, params as unknown[]);
      return result.rows;
    },
    transaction,
    close: () => Promise.reject(new Error('close the database, not a transaction')),
  };
}

export interface PgliteServerDb extends ServerDb {
  /** The whole database as a tarball, for `loadDataDir` (tests start from a migrated copy). */
  dump(): Promise<Blob>;
}

/**
 * Embedded PostgreSQL (WASM) in a data folder (or in memory when `dataDir` is undefined), so a
 * newcomer runs the server with one command. One connection: PGlite runs one transaction at a
 * time, and queries outside wait for it. `loadDataDir` starts from a dump (tests: a migrated copy
 * opens in about a second, a new database in about five).
 */
export async function openPgliteServerDb(
  dataDir: string | undefined,
  options: { loadDataDir?: Blob } = {},
): Promise<PgliteServerDb> {
  const pglite = await PGlite.create({
    parsers,
    ...(dataDir === undefined ? {} : { dataDir }),
    ...(options.loadDataDir === undefined ? {} : { loadDataDir: options.loadDataDir }),
  });
  return {
    ...wrap(pglite, (fn) =>
      pglite.transaction(async (tx) => {
        const inner: ServerDb = wrap(tx, (nested) => nested(inner));
        return fn(inner);
      }),
    ),
    close: () => pglite.close(),
    dump: () => pglite.dumpDataDir('none'),
  };
}
