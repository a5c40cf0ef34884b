import type { ServerDb } from './db/server-db';

/** What every route needs: the database and the clock (injectable, so tests can move time). */
export interface ServerDeps {
  db: ServerDb;
  now: () => number;
}
