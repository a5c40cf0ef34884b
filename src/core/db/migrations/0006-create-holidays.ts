import type { Db } from '../connection';

/** Public holidays, corrected by the administrator; working-day deadlines follow them. */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE holidays (
      id TEXT PRIMARY KEY,
      deleted INTEGER NOT NULL DEFAULT 0,
      day TEXT NOT NULL,
      name_ar TEXT NOT NULL,
      name_fr TEXT NOT NULL,
      kind TEXT NOT NULL
    ) STRICT;
    CREATE INDEX holidays_day ON holidays (day) WHERE deleted = 0;
  `);
}
