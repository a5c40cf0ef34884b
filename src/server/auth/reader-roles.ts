import type { Role } from '../../shared/roles';
import { maxReaderTokens } from '../../shared/sync/protocol';
import type { ServerDb } from '../db/server-db';
import { ServerError } from '../http/server-error';
import { authenticate, type AuthContext } from './authenticate';

const tokenPattern = /^[A-Za-z0-9_-]{32,200}$/;

/**
 * The roles a pull reads with: the caller's, and those of the colleagues whose tokens for this
 * same device come with it (protocol.ts, readersHeader). A token revoked, unknown, of an inactive
 * account or of another device adds nothing and refuses nothing: the pull goes on with the rest.
 */
export async function readerRoles(
  db: ServerDb,
  auth: AuthContext,
  header: string | string[] | undefined,
  nowMs: number,
): Promise<Role[]> {
  if (header === undefined || header === '') return auth.user.roles;
  if (typeof header !== 'string' || header.length > maxReaderTokens * 201)
    throw new ServerError('VALIDATION', 'readers: invalid');
  const tokens = header.split(',').map((token) => token.trim());
  if (tokens.length > maxReaderTokens || !tokens.every((token) => tokenPattern.test(token)))
    throw new ServerError('VALIDATION', 'readers: invalid');
  const roles = new Set<Role>(auth.user.roles);
  for (const token of new Set(tokens)) {
    let reader: AuthContext;
    try {
      reader = await authenticate(db, `Bearer ${token}`, nowMs);
    } catch (error) {
      if (error instanceof ServerError) continue;
      throw error;
    }
    if (reader.deviceId !== auth.deviceId) continue;
    for (const role of reader.user.roles) roles.add(role);
  }
  return [...roles];
}
