import type { Db } from '../connection';

/**
 * Passwords set on this PC (a new account, a reset, one's own change) that the central server
 * has not confirmed yet. Only the argon2id verifier is kept, never the password; sync sends it
 * with the token of whoever set it (sync/credential-outbox.ts). Local, never synced.
 */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE credential_outbox (
      user_id TEXT PRIMARY KEY,
      hash TEXT NOT NULL,
      -- Whose token sends it: an administrator's, or the user's own.
      set_by TEXT NOT NULL,
      -- ISO time on the server's clock (this PC's clock corrected by the offset sync learnt):
      -- the server keeps whichever password was set last.
      set_at TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      -- The server's refusal (its error code): kept for administrators, not sent again until the
      -- password is set again.
      last_error TEXT,
      refused_at TEXT
    ) STRICT;
  `);
}
