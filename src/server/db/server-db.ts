/**
 * A value bound to a `$n` placeholder. Arrays go to `unnest($n::text[])` for batch writes; bytes
 * (a Buffer) go to a bytea as they are, with no text encoding on the way.
 */
export type SqlParam =
  | string
  | number
  | boolean
  | null
  | Date
  | Uint8Array
  | readonly string[]
  | readonly number[]
  | readonly (string | null)[]
  | readonly (number | null)[];

/**
 * The server's one door to its database, the same for embedded PGlite and for PostgreSQL: the
 * same SQL runs on both (DESIGN.md, Central server). BIGINT comes back as a JS number on both.
 */
export interface ServerDb {
  readonly kind: 'pglite' | 'postgres';
  query<Row extends object = Record<string, unknown>>(
    sql: string,
    params?: readonly SqlParam[],
  ): Promise<Row[]>;
  /**
   * Runs `fn` in one transaction (READ COMMITTED), committed when it resolves, rolled back when it
   * throws. Inside, `tx.transaction` joins the same transaction.
   */
  transaction<T>(fn: (tx: ServerDb) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
