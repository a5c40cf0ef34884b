import type { Db } from '../connection';

/** Platform tables: the change log, device identity, settings, credentials, users, departments, audit. */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE local_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
    CREATE TABLE local_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;

    -- One row per changed cell, written in the same transaction as the row (DESIGN.md, Local data).
    CREATE TABLE changes (
      seq INTEGER PRIMARY KEY,
      id TEXT NOT NULL UNIQUE,
      tbl TEXT NOT NULL,
      row_id TEXT NOT NULL,
      col TEXT NOT NULL,
      value TEXT,
      hlc TEXT NOT NULL,
      user_id TEXT,
      device_id TEXT NOT NULL,
      state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'accepted', 'rejected'))
    ) STRICT;
    CREATE INDEX changes_cell ON changes (tbl, row_id, col, hlc);
    CREATE INDEX changes_hlc ON changes (hlc);
    CREATE INDEX changes_pending ON changes (state) WHERE state = 'pending';

    CREATE TABLE departments (
      id TEXT PRIMARY KEY,
      deleted INTEGER NOT NULL DEFAULT 0,
      name_ar TEXT NOT NULL,
      name_fr TEXT NOT NULL
    ) STRICT;

    CREATE TABLE users (
      id TEXT PRIMARY KEY,
      deleted INTEGER NOT NULL DEFAULT 0,
      username TEXT NOT NULL,
      display_name TEXT NOT NULL,
      roles TEXT NOT NULL,
      department_id TEXT REFERENCES departments (id),
      active INTEGER NOT NULL,
      language TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX users_username ON users (username) WHERE deleted = 0;

    -- Never synced: the password verifier of users who signed in on this PC.
    CREATE TABLE local_credentials (
      user_id TEXT PRIMARY KEY REFERENCES users (id),
      hash TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;

    CREATE TABLE audit_log (
      id TEXT PRIMARY KEY,
      deleted INTEGER NOT NULL DEFAULT 0,
      at TEXT NOT NULL,
      user_id TEXT,
      action TEXT NOT NULL,
      table_name TEXT,
      row_id TEXT,
      detail TEXT
    ) STRICT;
    CREATE INDEX audit_log_at ON audit_log (at);
    CREATE INDEX audit_log_user ON audit_log (user_id, at);
    CREATE INDEX audit_log_record ON audit_log (table_name, row_id, at);
    CREATE INDEX audit_log_action ON audit_log (action, at);

    -- Append-only tables only insert (DESIGN.md): the database itself refuses the rest.
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'APPEND_ONLY'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'APPEND_ONLY'); END;
    CREATE TRIGGER changes_no_delete BEFORE DELETE ON changes
      BEGIN SELECT RAISE(ABORT, 'APPEND_ONLY'); END;
  `);
}
