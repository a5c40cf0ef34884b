import type { CredentialRefusal } from '../../shared/api/procedures/sync.procedures';
import { statement, type Db } from '../db/connection';
import { writeCredential } from '../users/users.repo';

/** A password verifier waiting for the server (migration 0005). */
export interface CredentialEntry {
  userId: string;
  hash: string;
  setBy: string;
  setAt: string;
}

/**
 * Queues the verifier of a password just set here, in the caller's transaction. A later password
 * for the same user replaces an unsent one, and starts afresh after a refusal.
 */
export function queueCredential(db: Db, entry: CredentialEntry): void {
  statement(
    db,
    `INSERT INTO credential_outbox (user_id, hash, set_by, set_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (user_id) DO UPDATE SET hash = excluded.hash, set_by = excluded.set_by,
       set_at = excluded.set_at, attempts = 0, last_error = NULL, refused_at = NULL`,
  ).run(entry.userId, entry.hash, entry.setBy, entry.setAt);
}

/**
 * Entries the server may take now: not refused, and the user's row already pushed (the server
 * knows no password for a user it has not received). With `userId`, that user's entry only, as
 * it stands now (it may have been set again while another entry was on the way).
 */
export function sendableCredentials(db: Db, userId?: string): CredentialEntry[] {
  return statement(
    db,
    `SELECT o.user_id AS userId, o.hash, o.set_by AS setBy, o.set_at AS setAt
     FROM credential_outbox o
     WHERE o.last_error IS NULL AND (@userId IS NULL OR o.user_id = @userId)
       AND NOT EXISTS (SELECT 1 FROM changes c
                       WHERE c.state = 'pending' AND c.tbl = 'users' AND c.row_id = o.user_id)
     ORDER BY o.set_at, o.user_id`,
  ).all({ userId: userId ?? null }) as CredentialEntry[];
}

/** The users whose own password, set here, still waits for the server. */
export function unsentOwnCredentialUsers(db: Db): Set<string> {
  const rows = statement(
    db,
    'SELECT user_id FROM credential_outbox WHERE set_by = user_id AND last_error IS NULL',
  ).all() as { user_id: string }[];
  return new Set(rows.map((row) => row.user_id));
}

/**
 * The server holds this entry's password, or a newer one. Only this very entry goes: a password
 * set again while it was on the way stays queued. A local verifier the server did not keep
 * (a newer one won there) no longer opens this PC: the next sign-in here goes to the server.
 */
export function settleCredential(db: Db, entry: CredentialEntry, stored: boolean): void {
  const settled = statement(db, 'DELETE FROM credential_outbox WHERE user_id = ? AND hash = ?').run(
    entry.userId,
    entry.hash,
  );
  if (!stored) forgetLocalVerifier(db, entry);
  // The server's password is now this one: it opens this PC too, even if a sign-in with the
  // server's older password replaced the local verifier meanwhile. Not when a newer password was
  // set here while this one was on the way (the entry was replaced, nothing was deleted).
  else if (settled.changes === 1)
    writeCredential(db, entry.userId, entry.hash, new Date(entry.setAt));
}

/**
 * Kept with the server's reason for administrators, and not sent again until someone sets the
 * password again. The refused password no longer opens this PC either.
 */
export function refuseCredential(db: Db, entry: CredentialEntry, reason: string, at: Date): void {
  statement(
    db,
    `UPDATE credential_outbox SET last_error = ?, refused_at = ?, attempts = attempts + 1
     WHERE user_id = ? AND hash = ?`,
  ).run(reason, at.toISOString(), entry.userId, entry.hash);
  forgetLocalVerifier(db, entry);
}

/** Not sent this time (server unreachable or busy): tried again at a later run. */
export function countCredentialAttempt(db: Db, entry: CredentialEntry): void {
  statement(
    db,
    'UPDATE credential_outbox SET attempts = attempts + 1 WHERE user_id = ? AND hash = ?',
  ).run(entry.userId, entry.hash);
}

export function credentialRefusals(db: Db): CredentialRefusal[] {
  return statement(
    db,
    `SELECT o.user_id AS userId, u.username, o.last_error AS reason, o.refused_at AS at
     FROM credential_outbox o LEFT JOIN users u ON u.id = o.user_id
     WHERE o.last_error IS NOT NULL
     ORDER BY o.refused_at DESC, o.user_id`,
  ).all() as CredentialRefusal[];
}

function forgetLocalVerifier(db: Db, entry: CredentialEntry): void {
  statement(db, 'DELETE FROM local_credentials WHERE user_id = ? AND hash = ?').run(
    entry.userId,
    entry.hash,
  );
}
