import type { ServerDb } from '../db/server-db';

/**
 * Failed sign-ins, per username and per address, kept in the database so every server instance
 * agrees (no memory state). Each attempt is counted BEFORE the password is checked, so a burst of
 * parallel guesses cannot all slip in before the first failure is recorded; a success gives the
 * attempt back. From the threshold on, each attempt holds the key for an exponentially longer time.
 */
interface Limit {
  key: string;
  threshold: number;
}

/** Five tries per username; an office behind one address shares twenty. */
const usernameThreshold = 5;
const addressThreshold = 20;
const firstHoldMs = 30_000;
const longestHoldMs = 60 * 60_000;
/** A key quiet for a day starts afresh. */
const forgetAfterMs = 24 * 60 * 60_000;

export function signInLimits(username: string, address: string): Limit[] {
  return [
    { key: `user:${username}`, threshold: usernameThreshold },
    { key: `addr:${address}`, threshold: addressThreshold },
  ];
}

export function holdAfter(failures: number, threshold: number): number | null {
  if (failures < threshold) return null;
  return Math.min(longestHoldMs, firstHoldMs * 2 ** Math.min(20, failures - threshold));
}

interface AttemptRow {
  key: string;
  failures: number;
  hold_until: Date | null;
  updated_at: Date;
}

/** Counts one attempt; answers how long to wait instead when a key is on hold. */
export async function reserveSignInAttempt(
  db: ServerDb,
  limits: readonly Limit[],
  nowMs: number,
): Promise<{ allowed: true } | { allowed: false; retryAfterMs: number }> {
  const now = new Date(nowMs);
  const sorted = [...limits].sort((a, b) => (a.key < b.key ? -1 : 1));
  return db.transaction(async (tx) => {
    for (const limit of sorted) {
      await tx.query(
        `INSERT INTO sign_in_attempts (key, failures, hold_until, updated_at)
         VALUES ($1, 0, NULL, $2) ON CONFLICT (key) DO NOTHING`,
        [limit.key, now],
      );
    }
    const rows = await tx.query<AttemptRow>(
      `SELECT key, failures, hold_until, updated_at FROM sign_in_attempts
       WHERE key = ANY($1::text[]) ORDER BY key FOR UPDATE`,
      [sorted.map((limit) => limit.key)],
    );
    const held = Math.max(0, ...rows.map((row) => (row.hold_until?.getTime() ?? 0) - nowMs));
    if (held > 0) return { allowed: false as const, retryAfterMs: held };
    for (const limit of sorted) {
      const row = rows.find((candidate) => candidate.key === limit.key);
      const past = row && nowMs - row.updated_at.getTime() < forgetAfterMs ? row.failures : 0;
      const failures = past + 1;
      const hold = holdAfter(failures, limit.threshold);
      await tx.query(
        'UPDATE sign_in_attempts SET failures = $2, hold_until = $3, updated_at = $4 WHERE key = $1',
        [limit.key, failures, hold === null ? null : new Date(nowMs + hold), now],
      );
    }
    return { allowed: true as const };
  });
}

/** A right password: the username starts afresh, and the address gets its attempt back. */
export async function signInSucceeded(
  db: ServerDb,
  limits: readonly Limit[],
  nowMs: number,
): Promise<void> {
  const [user, ...others] = limits;
  await db.transaction(async (tx) => {
    if (user) await tx.query('DELETE FROM sign_in_attempts WHERE key = $1', [user.key]);
    for (const limit of others) {
      await tx.query(
        `UPDATE sign_in_attempts
         SET failures = GREATEST(failures - 1, 0),
             hold_until = CASE WHEN failures - 1 < $2 THEN NULL ELSE hold_until END,
             updated_at = $3
         WHERE key = $1`,
        [limit.key, limit.threshold, new Date(nowMs)],
      );
    }
  });
}

/** Keys quiet for a day and not on hold are forgotten, so guessed usernames do not pile up. */
export async function forgetOldAttempts(db: ServerDb, nowMs: number): Promise<void> {
  await db.query(
    `DELETE FROM sign_in_attempts
     WHERE updated_at < $1 AND (hold_until IS NULL OR hold_until < $2)`,
    [new Date(nowMs - forgetAfterMs), new Date(nowMs)],
  );
}
