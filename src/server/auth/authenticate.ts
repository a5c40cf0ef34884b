import type { ServerDb } from '../db/server-db';
import { ServerError } from '../http/server-error';
import { tokenHash } from './device-tokens';
import { readUser, type ServerUser } from './server-users';

export interface AuthContext {
  user: ServerUser;
  /** The devices row of the token (what an administrator revokes). */
  deviceRowId: string;
  /** The device the token was given to, as the app names itself in its changes. */
  deviceId: string;
}

/** last_seen_at is written at most this often, so every request does not become a write. */
const lastSeenEveryMs = 60_000;
const bearerPattern = /^Bearer ([A-Za-z0-9_-]{32,200})$/;

/**
 * The device token of every call but sign-in and health: looked up by its hash; a revoked token
 * answers TOKEN_REVOKED (the app then asks for an online sign-in), an inactive user is refused.
 */
export async function authenticate(
  db: ServerDb,
  authorization: string | undefined,
  nowMs: number,
): Promise<AuthContext> {
  const match = authorization === undefined ? null : bearerPattern.exec(authorization);
  if (!match?.[1]) throw new ServerError('UNAUTHENTICATED', 'a device token is required');
  const [device] = await db.query<{
    id: string;
    device_id: string;
    user_id: string;
    revoked_at: Date | null;
    last_seen_at: Date;
  }>('SELECT id, device_id, user_id, revoked_at, last_seen_at FROM devices WHERE token_hash = $1', [
    tokenHash(match[1]),
  ]);
  if (!device) throw new ServerError('UNAUTHENTICATED', 'unknown device token');
  if (device.revoked_at !== null) throw new ServerError('TOKEN_REVOKED', 'device token revoked');
  const user = await readUser(db, device.user_id);
  if (!user?.active) throw new ServerError('UNAUTHENTICATED', 'account inactive');
  if (nowMs - device.last_seen_at.getTime() > lastSeenEveryMs) {
    await db.query('UPDATE devices SET last_seen_at = $2 WHERE id = $1', [
      device.id,
      new Date(nowMs),
    ]);
  }
  return { user, deviceRowId: device.id, deviceId: device.device_id };
}

export function requireRole(auth: AuthContext, role: ServerUser['roles'][number]): void {
  if (!auth.user.roles.includes(role)) throw new ServerError('FORBIDDEN', `requires ${role}`);
}
