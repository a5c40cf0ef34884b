import type { Db } from '../connection';

/**
 * Passwords set on this PC (a new account, a reset, one's own change) that the central server
 * has not received yet. Only the argon2id verifier is kept, never the password; sync sends it
 * with the token of whoever set it. Local, never synced.
 */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE credential_outbox (
      user_id TEXT PRIMARY KEY,
      hash TEXT NOT NULL,
      -- Whose token sends it: an administrator's, or the user's own.
      set_by TEXT NOT NULL,
      set_at TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      last_error TEXT
    ) STRICT;
  `);
}
