import type { ServerMigration } from '../migrations';

/**
 * Attachments, the website's submissions and the public rate limits.
 *
 * Files live in the database (bytea), not in a folder: every server instance sees the same files
 * with no shared disk (scale-out), one `pg_dump` backs up the cells and the scans they name
 * together, and PGlite and PostgreSQL store them alike. At 10 MB a file and a few thousand scans
 * a year, that is a few GB, well within what PostgreSQL keeps comfortably.
 */
export const createFilesAndPublic: ServerMigration = {
  id: '0002-create-files-and-public',
  statements: [
    `CREATE TABLE files (
      sha256 TEXT COLLATE "C" PRIMARY KEY,
      mime_type TEXT NOT NULL,
      size INTEGER NOT NULL,
      data BYTEA NOT NULL,
      stored_at TIMESTAMPTZ NOT NULL
    )`,
    // PDF, JPEG and PNG are compressed already: stored as they are, a Range reads only its slice.
    'ALTER TABLE files ALTER COLUMN data SET STORAGE EXTERNAL',
    // An upload in pieces (Content-Range) until its last piece arrives and its hash is checked.
    `CREATE TABLE file_uploads (
      sha256 TEXT COLLATE "C" PRIMARY KEY,
      mime_type TEXT NOT NULL,
      size INTEGER NOT NULL,
      data BYTEA NOT NULL,
      updated_at TIMESTAMPTZ NOT NULL
    )`,
    'ALTER TABLE file_uploads ALTER COLUMN data SET STORAGE EXTERNAL',
    // Who may download a file: the attachments naming it (cells hold the JSON text of the hash).
    `CREATE INDEX cells_attachment_sha256 ON cells (value)
      WHERE tbl = 'complaint_attachments' AND col = 'sha256'`,
    // A website submission's tracking number and the hash of its secret (never the secret).
    `CREATE TABLE public_submissions (
      tracking TEXT COLLATE "C" PRIMARY KEY,
      tbl TEXT NOT NULL,
      row_id TEXT NOT NULL,
      secret_hash TEXT NOT NULL,
      created_at TIMESTAMPTZ NOT NULL
    )`,
    // Hits per address and action in the current window, in the database so every instance agrees.
    `CREATE TABLE public_rate_limits (
      key TEXT PRIMARY KEY,
      window_start TIMESTAMPTZ NOT NULL,
      hits INTEGER NOT NULL
    )`,
  ],
};
