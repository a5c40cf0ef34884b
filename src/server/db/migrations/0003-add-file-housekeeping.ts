import type { ServerMigration } from '../migrations';

/**
 * What the file housekeeping needs (server/files/file-cleanup.ts, file-uploads.ts): whose unfinished
 * upload each one is, so one account cannot fill the disk with half uploads; and which files the log
 * ever named, so a file is never removed while any attachment, even a deleted or replaced one, names
 * it. The log's index holds one entry per attachment row written, so it stays small whatever the
 * log's size.
 */
export const addFileHousekeeping: ServerMigration = {
  id: '0003-add-file-housekeeping',
  statements: [
    // NULL for uploads begun before this migration: they count for nobody and go stale in a day.
    'ALTER TABLE file_uploads ADD COLUMN user_id UUID',
    'CREATE INDEX file_uploads_user ON file_uploads (user_id)',
    `CREATE INDEX change_log_attachment_sha256 ON change_log (value)
      WHERE tbl = 'complaint_attachments' AND col = 'sha256'`,
  ],
};
