import { uuidv7 } from '../../shared/ids/uuidv7';
import type { signInRequestSchema, signInResponseSchema } from '../../shared/sync/protocol';
import type { z } from 'zod';
import type { ServerDb } from '../db/server-db';
import { ServerError } from '../http/server-error';
import { newDeviceToken, tokenHash } from './device-tokens';
import { decoyHash, verifyPassword } from './passwords';
import { syncUserOf, usersNamed, type ServerUser } from './server-users';
import {
  forgetOldAttempts,
  reserveSignInAttempt,
  signInLimits,
  signInSucceeded,
} from './sign-in-limits';

type SignInRequest = z.output<typeof signInRequestSchema>;
type SignInResponse = z.output<typeof signInResponseSchema>;

async function matchingUser(
  db: ServerDb,
  username: string,
  password: string,
): Promise<ServerUser | null> {
  const candidates = (await usersNamed(db, username)).filter((user) => user.active);
  const hashes = await db.query<{ user_id: string; hash: string }>(
    'SELECT user_id, hash FROM credentials WHERE user_id = ANY($1::uuid[])',
    [candidates.map((user) => user.id)],
  );
  if (hashes.length === 0) {
    await verifyPassword(await decoyHash(), password);
    return null;
  }
  for (const { user_id, hash } of hashes) {
    if (await verifyPassword(hash, password))
      return candidates.find((user) => user.id === user_id) ?? null;
  }
  return null;
}

/**
 * Sign-in from the app (or its first-run screen): argon2id against the server's credentials, at
 * most a few attempts per username and address, then a fresh device token for this device and
 * user. Any earlier token of the same device and user stops working.
 */
export async function signIn(
  db: ServerDb,
  input: SignInRequest,
  address: string,
  nowMs: number,
): Promise<SignInResponse> {
  const limits = signInLimits(input.username, address);
  await forgetOldAttempts(db, nowMs);
  const reservation = await reserveSignInAttempt(db, limits, nowMs);
  if (!reservation.allowed) {
    const seconds = Math.ceil(reservation.retryAfterMs / 1000);
    throw new ServerError('RATE_LIMITED', 'too many failed sign-ins; try again later', seconds);
  }
  const user = await matchingUser(db, input.username, input.password);
  if (!user) throw new ServerError('INVALID_CREDENTIALS', 'wrong username or password');
  await signInSucceeded(db, limits, nowMs);
  const token = newDeviceToken();
  const now = new Date(nowMs);
  await db.query(
    `INSERT INTO devices (id, device_id, user_id, name, token_hash, created_at, last_seen_at)
     VALUES ($1, $2, $3, $4, $5, $6, $6)
     ON CONFLICT (device_id, user_id) DO UPDATE
       SET name = excluded.name, token_hash = excluded.token_hash,
           last_seen_at = excluded.last_seen_at, revoked_at = NULL`,
    [uuidv7(nowMs), input.deviceId, user.id, input.deviceName, tokenHash(token), now],
  );
  return { token, user: syncUserOf(user), serverTime: nowMs };
}
