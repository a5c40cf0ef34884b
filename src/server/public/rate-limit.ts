import { isIPv4, isIPv6 } from 'node:net';
import type { ServerDb } from '../db/server-db';
import { ServerError } from '../http/server-error';

export interface RateLimit {
  /** What is counted, e.g. `submit`: each action has its own budget per address. */
  action: string;
  limit: number;
  windowMs: number;
}

/** An IPv6 address's eight 16-bit groups (`::` expanded, a dotted IPv4 tail read), or null. */
function ipv6Groups(address: string): number[] | null {
  // A zone (fe80::1%eth0) names the local interface, not the host.
  let text = (address.split('%')[0] ?? '').toLowerCase();
  if (!isIPv6(text)) return null;
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    const [a = 0, b = 0, c = 0, d = 0] = tail.split('.').map(Number);
    const hex = (high: number, low: number) => ((high << 8) | low).toString(16);
    text = `${text.slice(0, lastColon + 1)}${hex(a, b)}:${hex(c, d)}`;
  }
  const halves = text.split('::');
  const groupsOf = (part: string | undefined) => (part ? part.split(':') : []);
  const head = groupsOf(halves[0]);
  const rest = groupsOf(halves[1]);
  const missing = 8 - head.length - rest.length;
  if (halves.length > 2 || missing < 0 || (halves.length === 1 && missing !== 0)) return null;
  const groups = [...head, ...Array<string>(missing).fill('0'), ...rest];
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/.test(group))) return null;
  return groups.map((group) => parseInt(group, 16));
}

/**
 * Who a hit is counted against. An IPv4 address is one subscriber; an IPv6 one is counted by its
 * /64, which any home or hosted connection gets whole, so picking a new interface id in it buys no
 * new budget. An IPv4-mapped IPv6 address (::ffff:198.51.100.7) is its IPv4 address.
 */
export function rateLimitKey(address: string): string {
  if (isIPv4(address)) return address;
  const groups = ipv6Groups(address);
  if (!groups) return address;
  const mapped = groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff;
  if (mapped) {
    const [high = 0, low = 0] = groups.slice(6);
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}

/**
 * Counts one hit of an address (by rateLimitKey) in a fixed window, in the database so every server instance
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
    [`${rule.action}:${rateLimitKey(address)}`, now, windowOpenedAfter],
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
