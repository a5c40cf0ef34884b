import type { Db } from '../connection';

/**
 * Which cells (`table.column`, a JSON array) the data pulled so far covers: the readable cells of
 * the account that pulled. NULL until recorded (a PC from before this version records its
 * puller's at the next sync). When the puller may read more, the PC pulls a snapshot again.
 */
export function up(db: Db): void {
  db.exec(`ALTER TABLE sync_state ADD COLUMN pulled_cells TEXT;`);
}
