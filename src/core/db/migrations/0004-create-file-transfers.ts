import type { Db } from '../connection';

/**
 * Attachment files moving between this PC and the central server, by SHA-256 (DESIGN.md, Sync).
 * Local, never synced: each PC keeps its own queue of what it must send and fetch.
 */
export function up(db: Db): void {
  db.exec(`
    CREATE TABLE file_transfers (
      sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
      -- 'up': stored here, not yet confirmed on the server; 'down': named by an attachment row
      -- here, not yet on this PC.
      direction TEXT NOT NULL CHECK (direction IN ('up', 'down')),
      -- Why a download is wanted: the case is open, or someone asked to see the file.
      reason TEXT CHECK (reason IN ('open-case', 'asked')),
      attempts INTEGER NOT NULL DEFAULT 0,
      -- ISO time before which a failed transfer is not tried again (backoff); NULL: try now.
      retry_after TEXT,
      last_error TEXT,
      created_at TEXT NOT NULL,
      PRIMARY KEY (sha256, direction)
    ) STRICT;
  `);
}
