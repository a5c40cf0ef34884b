import type { ServerDb } from '../db/server-db';

/**
 * How long what nobody needs is kept.
 *
 * A half upload the app does not touch for a day was abandoned: were it not, the app asks where to
 * resume, hears 0 and sends the file again, so removing it loses nothing.
 *
 * A whole file no attachment names is kept 30 days, not one: the app may send a file long before
 * its attachment row reaches the server (a colleague's attachment goes up with the token of
 * whoever syncs the PC, but the row waits until that colleague signs in online there), and once a
 * file went up the app never checks it again (core/sync/file-transfers.ts finishes the transfer).
 * A file removed before its row arrives would be missing for good although the PC still holds it.
 */
export interface FileCleanupRules {
  staleUploadMs: number;
  orphanFileMs: number;
  /** Files removed per transaction: at 10 MB each, a transaction stays a few hundred MB at most. */
  batchSize: number;
}

export const defaultFileCleanupRules: FileCleanupRules = {
  staleUploadMs: 24 * 3_600_000,
  orphanFileMs: 30 * 24 * 3_600_000,
  batchSize: 50,
};

export interface FileCleanupCounts {
  /** False when another instance was cleaning up at that moment: this run left it to that one. */
  ran: boolean;
  uploads: number;
  files: number;
  bytes: number;
}

/** The one-key lock space, apart from change-log.ts's and the migrations' keys. */
const cleanupLockKey = 7_262_504;

/**
 * Removes stale half uploads and old files that no attachment row names (`FileCleanupRules`),
 * in small transactions. Named means by any attachment the server holds or held: live or deleted
 * (deleting an attachment keeps its scan; purging those is a retention decision, not
 * housekeeping), an earlier value in the log, or a change from a newer app waiting in
 * `deferred_changes`. Each transaction first tries a lock, so several instances running it at once
 * neither fail nor wait: whoever holds it does the work.
 */
export async function cleanUpFiles(
  db: ServerDb,
  nowMs: number,
  rules: FileCleanupRules = defaultFileCleanupRules,
): Promise<FileCleanupCounts> {
  const counts: FileCleanupCounts = { ran: true, uploads: 0, files: 0, bytes: 0 };
  const steps = [
    { remove: removeStaleUploads, before: new Date(nowMs - rules.staleUploadMs), of: 'uploads' },
    { remove: removeOrphanFiles, before: new Date(nowMs - rules.orphanFileMs), of: 'files' },
  ] as const;
  for (const { remove, before, of } of steps) {
    for (;;) {
      const sizes = await db.transaction(async (tx) => {
        const [lock] = await tx.query<{ held: boolean }>(
          'SELECT pg_try_advisory_xact_lock($1) AS held',
          [cleanupLockKey],
        );
        return lock?.held === true ? remove(tx, before, rules.batchSize) : null;
      });
      if (sizes === null) return { ...counts, ran: false };
      counts[of] += sizes.length;
      counts.bytes += sizes.reduce((sum, size) => sum + size, 0);
      if (sizes.length < rules.batchSize) break;
    }
  }
  return counts;
}

/**
 * An upload gaining a piece holds its row (file-uploads.ts) and moves `updated_at` on, and a
 * DELETE waiting for that row checks its condition again: a live upload is never removed.
 */
async function removeStaleUploads(tx: ServerDb, before: Date, limit: number): Promise<number[]> {
  const rows = await tx.query<{ bytes: number }>(
    `DELETE FROM file_uploads WHERE sha256 IN (
       SELECT sha256 FROM file_uploads WHERE updated_at < $1 LIMIT $2)
       AND updated_at < $1
     RETURNING length(data) AS bytes`,
    [before, limit],
  );
  return rows.map((row) => row.bytes);
}

/**
 * Cells and the log hold a hash as its JSON text (sync/cell-values.ts): `"<hex>"`. Each test is
 * written out so the planner probes the partial indexes cells_attachment_sha256 and
 * change_log_attachment_sha256 per file; it can only if the comparison has the indexes' collation,
 * not files.sha256's "C" (without it: 1.8 s a batch against a million log entries, with it
 * 0.5 ms). A deferred change is JSON text of its own, searched as text (the table holds a handful
 * of rows, and a hex hash has no LIKE wildcard in it).
 */
async function removeOrphanFiles(tx: ServerDb, before: Date, limit: number): Promise<number[]> {
  const rows = await tx.query<{ size: number }>(
    `DELETE FROM files WHERE sha256 IN (
       SELECT f.sha256 FROM files f
       WHERE f.stored_at < $1
         AND NOT EXISTS (
           SELECT 1 FROM cells c
           WHERE c.tbl = 'complaint_attachments' AND c.col = 'sha256'
             AND c.value = ('"' || f.sha256 || '"') COLLATE "default")
         AND NOT EXISTS (
           SELECT 1 FROM change_log l
           WHERE l.tbl = 'complaint_attachments' AND l.col = 'sha256'
             AND l.value = ('"' || f.sha256 || '"') COLLATE "default")
         AND NOT EXISTS (
           SELECT 1 FROM deferred_changes d WHERE d.change LIKE '%' || f.sha256 || '%')
       LIMIT $2)
     RETURNING size`,
    [before, limit],
  );
  return rows.map((row) => row.size);
}
