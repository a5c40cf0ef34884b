import type { Db } from '../connection';

/**
 * A backfill (core/sync/pull-scope.ts): the cells the PC's readers may now read that the data
 * pulled so far does not cover (a JSON array of `table.column`, NULL when none are owed), and the
 * cursor of their own snapshot, so a crash resumes it where it stopped.
 */
export function up(db: Db): void {
  db.exec(`
    ALTER TABLE sync_state ADD COLUMN backfill_cells TEXT;
    ALTER TABLE sync_state ADD COLUMN backfill_cursor TEXT;
  `);
}
