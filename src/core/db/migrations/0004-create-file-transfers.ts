import type { Db } from '../connection';

/**
 * Attachment files to move between this PC and the central server, by SHA-256 (DESIGN.md, Sync;
 * core/sync/file-transfers.ts moves them). Local, never synced: each PC keeps its own queue.
 *
 * One row per file named by an attachment here whose journey is not settled. Which way it goes
 * is decided when sync takes it up: a file here was stored by this PC (a fetched file leaves the
 * queue as it lands), so the server must have it; a file not here is fetched.
 *
 * Triggers fill it, so every writer (intake, the case page, a pull) is covered and a first pull
 * pays one small insert per attachment row, no file system work. No trigger sits on `changes`:
 * it would tax every change for the sake of a few.
 * - An attachment row arriving queues its file; dormant when its case is finished (closed or
 *   merged): such a file comes only when someone asks for it.
 * - A finished case reopened wakes the dormant files of its attachments.
 *
 * Attachments already here at the upgrade are queued by the same rule, except that a file
 * attached on this PC (its row was written here, so its file exists only here: the app did not
 * move files before) waits to go up whatever its case: a finished case still needs its scans.
 */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE file_transfers (
      sha256 TEXT PRIMARY KEY CHECK (length(sha256) = 64),
      -- waiting: taken up when due; dormant: a file nobody needs now (its case is finished);
      -- refused: the server said no for good, or too many tries failed. Asking wakes it.
      state TEXT NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'dormant', 'refused')),
      -- When someone here opened the file while it was missing: fetched first, case open or not.
      asked_at TEXT,
      attempts INTEGER NOT NULL DEFAULT 0,
      -- ISO time before which a failed transfer is not tried again (backoff); NULL: try now.
      retry_after TEXT,
      last_error TEXT,
      -- When the (latest) attachment naming it was added: the newest files go first.
      attached_at TEXT NOT NULL,
      -- An upload every token here was refused (401/403): JSON array of the authors who held no
      -- token then. It is tried again as soon as one of them holds one (core/sync/file-transfers.ts).
      waiting_for TEXT
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX file_transfers_waiting ON file_transfers (attached_at) WHERE state = 'waiting';
    CREATE INDEX file_transfers_asked ON file_transfers (asked_at) WHERE asked_at IS NOT NULL;
    -- Which attachments name a file: their authors (whose tokens send it), their cases.
    CREATE INDEX complaint_attachments_sha256 ON complaint_attachments (sha256);

    CREATE TRIGGER complaint_attachments_queue_file AFTER INSERT ON complaint_attachments
    BEGIN
      INSERT INTO file_transfers (sha256, state, attached_at)
      VALUES (
        NEW.sha256,
        CASE WHEN NEW.deleted = 0 AND NOT EXISTS (
          SELECT 1 FROM complaints c
          WHERE c.id = NEW.complaint_id AND c.status IN ('closed', 'merged')
        ) THEN 'waiting' ELSE 'dormant' END,
        NEW.added_at)
      ON CONFLICT (sha256) DO UPDATE SET state = 'waiting', attached_at = excluded.attached_at
        WHERE file_transfers.state = 'dormant' AND excluded.state = 'waiting';
    END;

    CREATE TRIGGER complaint_attachments_requeue_file AFTER UPDATE OF sha256
      ON complaint_attachments WHEN NEW.sha256 <> OLD.sha256
    BEGIN
      INSERT INTO file_transfers (sha256, attached_at) VALUES (NEW.sha256, NEW.added_at)
      ON CONFLICT (sha256) DO UPDATE SET state = 'waiting'
        WHERE file_transfers.state = 'dormant';
    END;

    INSERT INTO file_transfers (sha256, state, attached_at)
    SELECT a.sha256,
      CASE WHEN max(
        a.deleted = 0 AND (
          NOT EXISTS (
            SELECT 1 FROM complaints c
            WHERE c.id = a.complaint_id AND c.status IN ('closed', 'merged'))
          OR EXISTS (
            SELECT 1 FROM changes ch
            WHERE ch.tbl = 'complaint_attachments' AND ch.row_id = a.id
              AND ch.device_id = (SELECT value FROM local_meta WHERE key = 'device_id')))
      ) THEN 'waiting' ELSE 'dormant' END,
      max(a.added_at)
    FROM complaint_attachments a
    WHERE length(a.sha256) = 64
    GROUP BY a.sha256;

    CREATE TRIGGER complaints_reopened_wake_files AFTER UPDATE OF status ON complaints
      WHEN OLD.status IN ('closed', 'merged') AND NEW.status NOT IN ('closed', 'merged')
    BEGIN
      UPDATE file_transfers SET state = 'waiting', retry_after = NULL
      WHERE state = 'dormant' AND sha256 IN (
        SELECT sha256 FROM complaint_attachments WHERE complaint_id = NEW.id AND deleted = 0);
    END;
  `);
}
