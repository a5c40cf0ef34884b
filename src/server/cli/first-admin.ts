import { uuidv7 } from '../../shared/ids/uuidv7';
import { isWeakPassword } from '../../shared/password-policy';
import {
  displayNameSchema,
  languageSchema,
  usernameSchema,
  usersTable,
  type Language,
} from '../../shared/tables/platform.tables';
import { hashPassword } from '../auth/passwords';
import { anyActiveAdmin } from '../auth/server-users';
import type { ServerDb } from '../db/server-db';
import { lockChangeLog } from '../sync/change-log';
import { writeAsServer } from '../sync/server-writes';

export interface FirstAdminInput {
  username: string;
  displayName: string;
  password: string;
  language?: Language;
}

export class FirstAdminRefused extends Error {}

/**
 * The first administrator, written as the server: the `users` cells (and their log entries, so
 * every app receives the account) plus the password hash. Refused once an active administrator
 * exists; from then on accounts are managed from the app.
 */
export async function createFirstAdmin(
  db: ServerDb,
  input: FirstAdminInput,
  nowMs: number = Date.now(),
): Promise<string> {
  const username = usernameSchema.safeParse(input.username);
  if (!username.success)
    throw new FirstAdminRefused('invalid username (3-40: a-z, 0-9, ".", "_", "-")');
  const displayName = displayNameSchema.safeParse(input.displayName);
  if (!displayName.success) throw new FirstAdminRefused('invalid display name (2-120 characters)');
  const language = languageSchema.parse(input.language ?? 'ar');
  if (input.password.length < 10 || input.password.length > 200)
    throw new FirstAdminRefused('the password needs 10 to 200 characters');
  if (isWeakPassword(input.password, username.data))
    throw new FirstAdminRefused('the password is too easy to guess');
  const hash = await hashPassword(input.password);

  return db.transaction(async (tx) => {
    await lockChangeLog(tx);
    if (await anyActiveAdmin(tx)) throw new FirstAdminRefused('an administrator already exists');
    const id = uuidv7(nowMs);
    await writeAsServer(
      tx,
      usersTable,
      id,
      {
        username: username.data,
        display_name: displayName.data,
        roles: ['admin'],
        department_id: null,
        active: true,
        language,
      },
      nowMs,
    );
    await tx.query('INSERT INTO credentials (user_id, hash, updated_at) VALUES ($1, $2, $3)', [
      id,
      hash,
      new Date(nowMs),
    ]);
    return id;
  });
}
