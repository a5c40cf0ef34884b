import type { Db } from '../connection';

/**
 * The complaints register (decree 2-17-265): categories, reply templates, complaints with their
 * timeline, replies and attachments, a device-local numbering sequence and the full-text index.
 *
 * No foreign keys between synced tables: sync applies rows as they arrive, a complaint may land
 * before its category. Core checks references when it writes.
 */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE categories (
      id TEXT PRIMARY KEY,
      deleted INTEGER NOT NULL DEFAULT 0,
      name_ar TEXT NOT NULL,
      name_fr TEXT NOT NULL,
      department_id TEXT,
      default_assignee_id TEXT,
      position INTEGER NOT NULL,
      active INTEGER NOT NULL
    ) STRICT;

    CREATE TABLE reply_templates (
      id TEXT PRIMARY KEY,
      deleted INTEGER NOT NULL DEFAULT 0,
      category_id TEXT,
      language TEXT NOT NULL,
      title TEXT NOT NULL,
      body TEXT NOT NULL
    ) STRICT;
    CREATE INDEX reply_templates_category ON reply_templates (category_id, language);

    CREATE TABLE complaints (
      id TEXT PRIMARY KEY,
      deleted INTEGER NOT NULL DEFAULT 0,
      local_number TEXT NOT NULL,
      official_number TEXT,
      kind TEXT NOT NULL,
      channel TEXT NOT NULL,
      urgent INTEGER NOT NULL,
      received_on TEXT NOT NULL,
      citizen_name TEXT NOT NULL,
      citizen_phone TEXT,
      citizen_email TEXT,
      citizen_address TEXT,
      citizen_cin TEXT,
      subject TEXT NOT NULL,
      description TEXT NOT NULL,
      district TEXT NOT NULL,
      location TEXT,
      category_id TEXT NOT NULL,
      department_id TEXT,
      assignee_id TEXT,
      status TEXT NOT NULL,
      ack_due_on TEXT NOT NULL,
      answer_due_on TEXT NOT NULL,
      acknowledged_on TEXT,
      called_on TEXT,
      answered_on TEXT,
      closed_on TEXT,
      resolution TEXT,
      merged_into TEXT,
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL,
      -- The next legal deadline while the clock runs (legal-clock.ts, nextDeadline), computed by
      -- SQLite from the row itself, so every writer (core, sync) keeps it right; the queue sorts
      -- on it. NULL once answered, closed or merged.
      next_due_on TEXT GENERATED ALWAYS AS (
        CASE
          WHEN deleted = 1 OR status IN ('answered', 'closed', 'merged') THEN NULL
          WHEN acknowledged_on IS NULL AND ack_due_on < answer_due_on THEN ack_due_on
          ELSE answer_due_on
        END
      ) VIRTUAL
    ) STRICT;

    -- The queue's saved views, each sorted urgent first then by the next deadline.
    CREATE INDEX complaints_open ON complaints (urgent DESC, next_due_on)
      WHERE next_due_on IS NOT NULL;
    CREATE INDEX complaints_open_assignee ON complaints (assignee_id, urgent DESC, next_due_on)
      WHERE next_due_on IS NOT NULL;
    CREATE INDEX complaints_open_department ON complaints (department_id, urgent DESC, next_due_on)
      WHERE next_due_on IS NOT NULL;
    CREATE INDEX complaints_open_status ON complaints (status, urgent DESC, next_due_on)
      WHERE next_due_on IS NOT NULL;
    CREATE INDEX complaints_received ON complaints (received_on DESC);
    CREATE INDEX complaints_category ON complaints (category_id, received_on DESC);
    CREATE INDEX complaints_merged_into ON complaints (merged_into) WHERE merged_into IS NOT NULL;
    CREATE UNIQUE INDEX complaints_local_number ON complaints (local_number);

    CREATE TABLE complaint_events (
      id TEXT PRIMARY KEY,
      deleted INTEGER NOT NULL DEFAULT 0,
      complaint_id TEXT NOT NULL,
      at TEXT NOT NULL,
      user_id TEXT,
      type TEXT NOT NULL,
      detail TEXT,
      body TEXT
    ) STRICT;
    CREATE INDEX complaint_events_complaint ON complaint_events (complaint_id, at);
    CREATE TRIGGER complaint_events_no_update BEFORE UPDATE ON complaint_events
      BEGIN SELECT RAISE(ABORT, 'APPEND_ONLY'); END;
    CREATE TRIGGER complaint_events_no_delete BEFORE DELETE ON complaint_events
      BEGIN SELECT RAISE(ABORT, 'APPEND_ONLY'); END;

    CREATE TABLE complaint_replies (
      id TEXT PRIMARY KEY,
      deleted INTEGER NOT NULL DEFAULT 0,
      complaint_id TEXT NOT NULL,
      language TEXT NOT NULL,
      body TEXT NOT NULL,
      status TEXT NOT NULL,
      drafted_by TEXT NOT NULL,
      reviewed_by TEXT,
      reviewed_at TEXT,
      review_comment TEXT,
      delivery TEXT,
      delivered_on TEXT
    ) STRICT;
    CREATE INDEX complaint_replies_complaint ON complaint_replies (complaint_id);

    CREATE TABLE complaint_attachments (
      id TEXT PRIMARY KEY,
      deleted INTEGER NOT NULL DEFAULT 0,
      complaint_id TEXT NOT NULL,
      sha256 TEXT NOT NULL,
      file_name TEXT NOT NULL,
      mime_type TEXT NOT NULL,
      size INTEGER NOT NULL,
      added_by TEXT NOT NULL,
      added_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX complaint_attachments_complaint ON complaint_attachments (complaint_id);

    -- Full-text search over number, citizen, subject, description and district, normalized in
    -- shared/text (maktab_search_text, registered on every connection by openDatabase). Kept by
    -- triggers, so rows written by sync are found like those typed here.
    CREATE VIRTUAL TABLE complaints_search USING fts5(
      text, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER complaints_search_insert AFTER INSERT ON complaints BEGIN
      INSERT INTO complaints_search (rowid, text) VALUES (new.rowid, maktab_search_text(
        new.local_number, new.official_number, new.citizen_name, new.citizen_phone,
        new.subject, new.description, new.district));
    END;
    CREATE TRIGGER complaints_search_update AFTER UPDATE OF local_number, official_number,
      citizen_name, citizen_phone, subject, description, district ON complaints BEGIN
      DELETE FROM complaints_search WHERE rowid = old.rowid;
      INSERT INTO complaints_search (rowid, text) VALUES (new.rowid, maktab_search_text(
        new.local_number, new.official_number, new.citizen_name, new.citizen_phone,
        new.subject, new.description, new.district));
    END;
  `);
}
