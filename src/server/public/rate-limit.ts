import type { ServerDb } from '../db/server-db';
import { ServerError } from '../http/server-error';

export interface RateLimit {
  /** What is counted, e.g. `submit`: each action has its own budget per address. */
  action: string;
  limit: number;
  windowMs: number;
}

/**
 * Counts one hit of an address in a fixed window, in the database so every server instance
 * counts together; over the limit answers 429 with Retry-After. The count is one atomic upsert:
 * concurrent hits from one address cannot both slip under the limit.
 */
export async function takeHit(
  db: ServerDb,
  rule: RateLimit,
  address: string,
  nowMs: number,
): Promise<void> {
  const now = new Date(nowMs);
  const windowOpenedAfter = new Date(nowMs - rule.windowMs);
  const [row] = await db.query<{ hits: number; window_start: Date }>(
    `INSERT INTO public_rate_limits (key, window_start, hits) VALUES ($1, $2, 1)
     ON CONFLICT (key) DO UPDATE SET
       hits = CASE WHEN public_rate_limits.window_start <= $3 THEN 1
                   ELSE public_rate_limits.hits + 1 END,
       window_start = CASE WHEN public_rate_limits.window_start <= $3 THEN $2
                           ELSE public_rate_limits.window_start END
     RETURNING hits, window_start`,
    [`${rule.action}:${address}`, now, windowOpenedAfter],
  );
  // Windows closed long ago are of no use: the table holds at most a day of addresses.
  await db.query('DELETE FROM public_rate_limits WHERE window_start <= $1', [
    new Date(nowMs - 24 * 3_600_000),
  ]);
  if (row && row.hits > rule.limit) {
    const retryAfterMs = row.window_start.getTime() + rule.windowMs - nowMs;
    throw new ServerError(
      'RATE_LIMITED',
      'too many requests from this address',
      Math.max(1, Math.ceil(retryAfterMs / 1000)),
    );
  }
}
