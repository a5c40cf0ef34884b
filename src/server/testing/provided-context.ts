/**
 * What vitest.postgres.ts (the server tests' global setup) hands to their test files: the address
 * of the throwaway PostgreSQL cluster (null when the run skips PostgreSQL), and a migrated PGlite
 * database to start each file from.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    maktabPostgresUrl: string | null;
    /** A file holding a dump of a migrated PGlite database (pglite-server-db.ts, dump). */
    maktabPgliteTemplate: string | null;
  }
}

export {};
