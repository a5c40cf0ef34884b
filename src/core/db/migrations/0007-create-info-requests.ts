import type { Db } from '../connection';

/**
 * The access-to-information register (law 31-13) and the timeline of each request. No foreign
 * keys between synced tables (see 0002): rows arrive in any order.
 */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE info_requests (
      id TEXT PRIMARY KEY,
      deleted INTEGER NOT NULL DEFAULT 0,
      local_number TEXT NOT NULL,
      official_number TEXT,
      channel TEXT NOT NULL,
      urgent INTEGER NOT NULL,
      urgent_reason TEXT,
      received_on TEXT NOT NULL,
      requester_name TEXT NOT NULL,
      requester_address TEXT NOT NULL,
      requester_id_number TEXT,
      requester_email TEXT,
      requester_phone TEXT,
      subject TEXT NOT NULL,
      information_requested TEXT NOT NULL,
      delivery_form TEXT NOT NULL,
      department_id TEXT,
      assignee_id TEXT,
      status TEXT NOT NULL,
      due_on TEXT NOT NULL,
      extended_due_on TEXT,
      extension_reason TEXT,
      extension_notified_on TEXT,
      answered_on TEXT,
      refusal_ground TEXT,
      refusal_reason TEXT,
      created_by TEXT NOT NULL,
      created_at TEXT NOT NULL
    ) STRICT;
    CREATE INDEX info_requests_received ON info_requests (received_on);
    CREATE INDEX info_requests_open ON info_requests (urgent DESC, due_on)
      WHERE deleted = 0 AND status IN ('received', 'in_progress');

    CREATE TABLE info_request_events (
      id TEXT PRIMARY KEY,
      deleted INTEGER NOT NULL DEFAULT 0,
      request_id TEXT NOT NULL,
      at TEXT NOT NULL,
      user_id TEXT,
      type TEXT NOT NULL,
      detail TEXT,
      body TEXT
    ) STRICT;
    CREATE INDEX info_request_events_request ON info_request_events (request_id, at);
    CREATE TRIGGER info_request_events_no_update BEFORE UPDATE ON info_request_events
      BEGIN SELECT RAISE(ABORT, 'APPEND_ONLY'); END;
    CREATE TRIGGER info_request_events_no_delete BEFORE DELETE ON info_request_events
      BEGIN SELECT RAISE(ABORT, 'APPEND_ONLY'); END;
  `);
}
