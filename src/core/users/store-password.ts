import type { HandlerContext } from '../handler-context';
import { hashPassword } from '../session/passwords';
import { queueCredential } from '../sync/credential-outbox.repo';
import { readSyncState } from '../sync/sync-state.repo';
import { writeCredential } from './users.repo';

/**
 * Every password set in the app goes through here: the verifier opens this PC offline at once,
 * and the same verifier waits in the credential outbox, in the same transaction, until sync hands
 * it to the server with the token of `setBy` (an administrator, or the user themself).
 */
export function storePassword(
  ctx: HandlerContext,
  userId: string,
  password: string,
  setBy: string,
): void {
  const hash = hashPassword(password);
  const now = ctx.now();
  writeCredential(ctx.db, userId, hash, now);
  // On the server's clock as sync last learnt it, so PCs with wrong clocks order their passwords.
  const setAt = new Date(now.getTime() + readSyncState(ctx.db).offsetMs).toISOString();
  queueCredential(ctx.db, { userId, hash, setBy, setAt });
}
