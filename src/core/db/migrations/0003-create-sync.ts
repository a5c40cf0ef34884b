import type { Db } from '../connection';

/**
 * The client side of sync (DESIGN.md, Sync): where this PC stands with the central server and what
 * sync could not settle alone. Local tables, never synced.
 */
export function up(db: Db): void {
  db.exec(`
    -- One row: where this PC stands with the central server.
    CREATE TABLE sync_state (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      server_url TEXT,
      -- The account whose token pulls (the first to join): what it may read is what arrives.
      server_user_id TEXT,
      -- Opaque to the client; NULL on a client that never pulled: the server starts with a snapshot.
      cursor TEXT,
      last_sync_at TEXT,
      -- Server time minus this PC's clock, learnt at each sync, applied to every HLC stamp.
      offset_ms INTEGER NOT NULL DEFAULT 0,
      -- The latest stamp pulled: the clock resumes after it at the next start.
      seen_hlc TEXT,
      -- Complete pulls so far: changes accepted before two more complete pulls count as echoed.
      pull_epoch INTEGER NOT NULL DEFAULT 0,
      state TEXT NOT NULL DEFAULT 'local-only'
        CHECK (state IN ('local-only', 'online', 'offline', 'update-required', 'signed-out'))
    ) STRICT;
    INSERT INTO sync_state (id) VALUES (1);

    -- A device token per account that signed in online here (the server takes a change only with
    -- its author's token). Used only when no safer SecretStore is given (sync/secret-store.ts).
    CREATE TABLE sync_tokens (
      user_id TEXT PRIMARY KEY,
      token TEXT NOT NULL
    ) STRICT;

    -- The argon2 verifier of a joining user's password, kept until their users row arrives with
    -- the pull and local_credentials can hold it (offline sign-in).
    CREATE TABLE sync_verifiers (
      user_id TEXT PRIMARY KEY,
      hash TEXT NOT NULL
    ) STRICT;

    -- Pulled cells that cannot be applied yet: a row whose NOT NULL columns have not all arrived,
    -- a row whose parent row is missing, a change from a newer schema than this app (until the app
    -- is updated), a stamp too far ahead of this PC's clock. Same form as changes.value (JSON text).
    CREATE TABLE sync_inbox (
      change_id TEXT PRIMARY KEY,
      tbl TEXT NOT NULL,
      row_id TEXT NOT NULL,
      col TEXT NOT NULL,
      value TEXT,
      hlc TEXT NOT NULL,
      user_id TEXT,
      device_id TEXT NOT NULL,
      schema_version INTEGER NOT NULL,
      reason TEXT NOT NULL
        CHECK (reason IN ('incomplete', 'parent', 'constraint', 'newer-schema', 'unknown', 'clock-ahead')),
      received_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX sync_inbox_row ON sync_inbox (tbl, row_id);
    CREATE INDEX sync_inbox_waiting ON sync_inbox (reason) WHERE reason <> 'incomplete';

    -- The cell stamps of rows that arrived whole from the server ({"column": "hlc"}), kept here
    -- rather than as one change log entry per cell (sync/cell-clocks.ts).
    CREATE TABLE sync_row_clocks (
      tbl TEXT NOT NULL,
      row_id TEXT NOT NULL,
      clocks TEXT NOT NULL,
      PRIMARY KEY (tbl, row_id)
    ) STRICT, WITHOUT ROWID;

    -- Changes the server answered 'deferred' (written by a newer app than it knows): still pending,
    -- but not sent again at every run.
    CREATE TABLE sync_deferred (
      change_id TEXT PRIMARY KEY,
      schema_version INTEGER NOT NULL,
      parked_at TEXT NOT NULL
    ) STRICT;

    -- Changes of this PC accepted by the server but not yet seen coming back in the pull: a
    -- change from another PC that arrives before them was written without knowing them.
    CREATE TABLE sync_unechoed (
      change_id TEXT PRIMARY KEY,
      pull_epoch INTEGER NOT NULL
    ) STRICT;

    -- Values are never those of a sensitive column (a CIN number): NULL there.
    CREATE TABLE sync_rejections (
      id TEXT PRIMARY KEY,
      change_id TEXT NOT NULL UNIQUE,
      at TEXT NOT NULL,
      tbl TEXT NOT NULL,
      row_id TEXT NOT NULL,
      col TEXT NOT NULL,
      reason TEXT NOT NULL,
      -- Who wrote the refused change: each sees their own, heads and administrators all.
      user_id TEXT,
      local_value TEXT,
      server_value TEXT,
      dismissed_at TEXT
    ) STRICT;
    CREATE INDEX sync_rejections_open ON sync_rejections (at) WHERE dismissed_at IS NULL;

    -- Concurrent edits of legally significant columns: the value kept and the one it overwrote
    -- (JSON text of the stored value, as in changes), for a department head to review.
    CREATE TABLE sync_conflicts (
      id TEXT PRIMARY KEY,
      at TEXT NOT NULL,
      tbl TEXT NOT NULL,
      row_id TEXT NOT NULL,
      col TEXT NOT NULL,
      kept_change_id TEXT NOT NULL,
      kept_value TEXT,
      kept_hlc TEXT NOT NULL,
      kept_by TEXT,
      lost_change_id TEXT NOT NULL,
      lost_value TEXT,
      lost_hlc TEXT NOT NULL,
      lost_by TEXT,
      resolved_at TEXT,
      resolved_by TEXT,
      resolution TEXT CHECK (resolution IN ('kept', 'lost')),
      UNIQUE (kept_change_id, lost_change_id)
    ) STRICT;
    CREATE INDEX sync_conflicts_open ON sync_conflicts (at) WHERE resolved_at IS NULL;
  `);
}
