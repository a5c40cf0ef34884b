import { statement, type Db } from '../db/connection';

/**
 * The queue of attachment files to send to or fetch from the central server (file_transfers,
 * migration 0004, whose triggers fill it). Local to this PC, never synced.
 */

export interface QueuedTransfer {
  sha256: string;
  asked: boolean;
  attempts: number;
}

/** After this many failed tries a file waits until someone asks for it again. */
export const maxTransferAttempts = 12;
const firstRetryMs = 30_000;
const longestRetryMs = 6 * 3_600_000;

/** Someone here opened the file while it was missing: fetch it first, its case open or not. */
export function askForFile(db: Db, sha256: string, now: Date): void {
  statement(
    db,
    `INSERT INTO file_transfers (sha256, asked_at, attached_at) VALUES (?, ?, ?)
     ON CONFLICT (sha256) DO UPDATE
       SET state = 'waiting', asked_at = excluded.asked_at, retry_after = NULL`,
  ).run(sha256, now.toISOString(), now.toISOString());
}

/** A file just stored here for an attachment: the server must get it, even for a closed case. */
export function queueStoredFile(db: Db, sha256: string, now: Date): void {
  statement(
    db,
    `INSERT INTO file_transfers (sha256, attached_at) VALUES (?, ?)
     ON CONFLICT (sha256) DO UPDATE SET state = 'waiting', retry_after = NULL`,
  ).run(sha256, now.toISOString());
}

/**
 * Transfers to take up now: asked ones first, then the newest attachments' files (the cases being
 * worked on). Each query walks a partial index; backing-off rows are skipped, not sorted.
 */
export function dueTransfers(db: Db, now: Date, limit: number): QueuedTransfer[] {
  type Row = { sha256: string; asked: number; attempts: number };
  const at = now.toISOString();
  const asked = statement(
    db,
    `SELECT sha256, 1 AS asked, attempts FROM file_transfers
     WHERE asked_at IS NOT NULL AND state = 'waiting' AND (retry_after IS NULL OR retry_after <= ?)
     ORDER BY asked_at DESC LIMIT ?`,
  ).all(at, limit) as Row[];
  const others =
    asked.length < limit
      ? (statement(
          db,
          `SELECT sha256, 0 AS asked, attempts FROM file_transfers
           WHERE state = 'waiting' AND asked_at IS NULL AND (retry_after IS NULL OR retry_after <= ?)
           ORDER BY attached_at DESC LIMIT ?`,
        ).all(at, limit - asked.length) as Row[])
      : [];
  return [...asked, ...others].map((row) => ({ ...row, asked: row.asked === 1 }));
}

/** A live attachment of a case still being handled (or not here yet) names the file. */
export function openCaseNeeds(db: Db, sha256: string): boolean {
  return (
    statement(
      db,
      `SELECT 1 FROM complaint_attachments a LEFT JOIN complaints c ON c.id = a.complaint_id
       WHERE a.sha256 = ? AND a.deleted = 0
         AND (c.id IS NULL OR c.status NOT IN ('closed', 'merged'))
       LIMIT 1`,
    ).get(sha256) !== undefined
  );
}

/** Who attached the file here (whose token sends it) and the type they declared. */
export function attachmentsNaming(
  db: Db,
  sha256: string,
): { authors: string[]; mimeType: string | null } {
  const rows = statement(
    db,
    `SELECT added_by, mime_type FROM complaint_attachments WHERE sha256 = ? ORDER BY rowid`,
  ).all(sha256) as { added_by: string; mime_type: string }[];
  return {
    authors: [...new Set(rows.map((row) => row.added_by))],
    mimeType: rows[0]?.mime_type ?? null,
  };
}

export function finishTransfer(db: Db, transfer: QueuedTransfer): void {
  statement(db, 'DELETE FROM file_transfers WHERE sha256 = ?').run(transfer.sha256);
}

/** A download nobody needs now: its case was finished. Asking or reopening wakes it. */
export function putToSleep(db: Db, transfer: QueuedTransfer): void {
  statement(db, `UPDATE file_transfers SET state = 'dormant' WHERE sha256 = ?`).run(
    transfer.sha256,
  );
}

/**
 * A failed try: tried again after a doubling wait, and left alone once `maxTransferAttempts`
 * failed or at once when `final` (the server refuses it for good). Asking wakes a download.
 */
export function noteTransferFailure(
  db: Db,
  transfer: QueuedTransfer,
  error: string,
  now: Date,
  final = false,
): void {
  const attempts = transfer.attempts + 1;
  const waitMs = Math.min(longestRetryMs, firstRetryMs * 2 ** (attempts - 1));
  const refused = final || attempts >= maxTransferAttempts;
  statement(
    db,
    `UPDATE file_transfers
     SET attempts = ?, last_error = ?, retry_after = ?, state = ?
     WHERE sha256 = ?`,
  ).run(
    attempts,
    error.slice(0, 200),
    new Date(now.getTime() + waitMs).toISOString(),
    refused ? 'refused' : 'waiting',
    transfer.sha256,
  );
}
