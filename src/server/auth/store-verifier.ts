import type { ServerDb } from '../db/server-db';

/**
 * Keeps a password verifier made by the app, unless a password set later is already here: an
 * entry that waited offline on one PC does not undo a newer change made since. `setAt` is never
 * taken as later than now, so a PC whose clock runs ahead cannot pin a password against every
 * later change. Returns whether it was stored.
 */
export async function storeVerifier(
  db: ServerDb,
  userId: string,
  verifier: string,
  setAt: Date,
  nowMs: number,
): Promise<boolean> {
  const at = new Date(Math.min(setAt.getTime(), nowMs));
  const rows = await db.query<{ user_id: string }>(
    `INSERT INTO credentials (user_id, hash, updated_at) VALUES ($1, $2, $3)
     ON CONFLICT (user_id) DO UPDATE SET hash = excluded.hash, updated_at = excluded.updated_at
       WHERE credentials.updated_at <= excluded.updated_at
     RETURNING user_id`,
    [userId, verifier, at],
  );
  return rows.length > 0;
}
