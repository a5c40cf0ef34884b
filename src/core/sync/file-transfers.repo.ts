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
 * A failed try: tried again after a doubling wait. A download is left alone once
 * `maxTransferAttempts` failed (asking wakes it); an upload never is, since the file may exist
 * only here: it keeps being tried at the longest wait. Either is left alone at once when `final`
 * (the server refuses it for good).
 */
export function noteTransferFailure(
  db: Db,
  transfer: QueuedTransfer,
  error: string,
  now: Date,
  options: { final?: boolean; upload?: boolean } = {},
): void {
  const attempts = transfer.attempts + 1;
  const waitMs = Math.min(longestRetryMs, firstRetryMs * 2 ** (attempts - 1));
  const refused = options.final === true || (!options.upload && attempts >= maxTransferAttempts);
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

/**
 * An upload that every token here was refused (401/403): no try is counted, since the file may
 * exist only here. It waits for a token of one of `waitingFor` (authors who held none, or a revoked
 * one), which wakes it at the next run (`wakeUploadsFor`); failing that, it is tried again after
 * the longest wait, in case the server's roles changed.
 */
export function holdRefusedUpload(
  db: Db,
  transfer: QueuedTransfer,
  waitingFor: readonly string[],
  error: string,
  now: Date,
): void {
  statement(
    db,
    `UPDATE file_transfers
     SET state = 'waiting', last_error = ?, retry_after = ?, waiting_for = ?
     WHERE sha256 = ?`,
  ).run(
    error.slice(0, 200),
    new Date(now.getTime() + longestRetryMs).toISOString(),
    waitingFor.length > 0 ? JSON.stringify([...new Set(waitingFor)]) : null,
    transfer.sha256,
  );
}

/** The authors that refused uploads wait for, each once. */
export function awaitedAuthors(db: Db): Set<string> {
  const rows = statement(
    db,
    'SELECT waiting_for FROM file_transfers WHERE waiting_for IS NOT NULL',
  ).all() as { waiting_for: string }[];
  return new Set(rows.flatMap((row) => authorsIn(row.waiting_for)));
}

/** Uploads waiting for a token one of `holders` now holds: tried at once. Returns how many. */
export function wakeUploadsFor(db: Db, holders: ReadonlySet<string>): number {
  if (holders.size === 0) return 0;
  const rows = statement(
    db,
    'SELECT sha256, waiting_for FROM file_transfers WHERE waiting_for IS NOT NULL',
  ).all() as { sha256: string; waiting_for: string }[];
  const wake = statement(
    db,
    `UPDATE file_transfers SET state = 'waiting', retry_after = NULL, waiting_for = NULL
     WHERE sha256 = ?`,
  );
  let woken = 0;
  for (const row of rows) {
    if (!authorsIn(row.waiting_for).some((author) => holders.has(author))) continue;
    wake.run(row.sha256);
    woken += 1;
  }
  return woken;
}

function authorsIn(waitingFor: string): string[] {
  try {
    const parsed: unknown = JSON.parse(waitingFor);
    return Array.isArray(parsed) ? parsed.filter((item) => typeof item === 'string') : [];
  } catch {
    return [];
  }
}
