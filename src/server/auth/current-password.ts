import type { ServerDb } from '../db/server-db';
import { ServerError } from '../http/server-error';
import { decoyHash, verifyPassword } from './passwords';
import {
  forgetOldAttempts,
  reserveSignInAttempt,
  signInLimits,
  signInSucceeded,
} from './sign-in-limits';

/**
 * Whether `password` is the user's current one on the server. Counted like a sign-in, under the
 * same per-username and per-address limits, so a copied device token cannot be used to guess the
 * password either. Throws RATE_LIMITED while those limits hold.
 */
export async function isCurrentPassword(
  db: ServerDb,
  user: { id: string; username: string },
  password: string,
  address: string,
  nowMs: number,
): Promise<boolean> {
  const limits = signInLimits(user.username, address);
  await forgetOldAttempts(db, nowMs);
  const reservation = await reserveSignInAttempt(db, limits, nowMs);
  if (!reservation.allowed) {
    const seconds = Math.ceil(reservation.retryAfterMs / 1000);
    throw new ServerError('RATE_LIMITED', 'too many wrong passwords; try again later', seconds);
  }
  const [stored] = await db.query<{ hash: string }>(
    'SELECT hash FROM credentials WHERE user_id = $1',
    [user.id],
  );
  // No credential yet: as slow as a wrong password, and as wrong.
  const matches = await verifyPassword(stored?.hash ?? (await decoyHash()), password);
  if (matches && stored) {
    await signInSucceeded(db, limits, nowMs);
    return true;
  }
  return false;
}

/** Whether the server already holds exactly this verifier for the user. */
export async function holdsVerifier(
  db: ServerDb,
  userId: string,
  verifier: string,
): Promise<boolean> {
  const rows = await db.query<{ user_id: string }>(
    'SELECT user_id FROM credentials WHERE user_id = $1 AND hash = $2',
    [userId, verifier],
  );
  return rows.length > 0;
}
