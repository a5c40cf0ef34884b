import { AppError } from '../../shared/errors';
import { isSyncedTableName, syncedTables } from '../../shared/tables/registry';
import { fromStorage } from '../db/storage';
import { requireUser, type HandlerContext } from '../handler-context';
import type { HandlersFor } from '../handlers.types';
import { countUsers, findUserByUsername, readCredential } from '../users/users.repo';
import { findConflict, listConflicts, markConflictResolved } from './conflicts.repo';
import { conflictCellsOf } from './significant-columns';
import { credentialRefusals } from './credential-outbox.repo';
import { newOnlineSignIn, onlineSignInState } from './online-sign-in';
import { dismissRejection, listRejections } from './rejections.repo';
import { readSyncState } from './sync-state.repo';
import { storedValueOf } from './stored-values';

/** Heads and administrators look after every refused change of this PC; others their own. */
function rejectionsOf(ctx: HandlerContext): string | null {
  const user = requireUser(ctx);
  return user.roles.some((role) => role === 'admin' || role === 'head' || role === 'director')
    ? null
    : user.id;
}

/**
 * Joining is open on the first-run screen (no account here yet), and to anyone signing in online
 * to the server this PC already uses: a colleague's first time on this PC (the server checks the
 * password, and their verifier for offline sign-in arrives with it), or after a token was revoked.
 * Joining a PC that has accounts of its own to a server, or moving it to another server, is an
 * administrator's decision.
 */
function assertMayJoin(ctx: HandlerContext, serverUrl: string): void {
  if (countUsers(ctx.db) === 0) return;
  if (readSyncState(ctx.db).serverUrl === serverUrl) return;
  const user = ctx.user;
  if (!user) throw new AppError('UNAUTHENTICATED');
  if (!user.roles.includes('admin'))
    throw new AppError('FORBIDDEN', 'only an administrator joins this PC to a server');
}

export const syncHandlers: HandlersFor<'sync:'> = {
  'sync:status': (ctx) => ctx.services.sync.status(ctx.db, ctx.user),

  'sync:join': (ctx, input) => {
    assertMayJoin(ctx, input.serverUrl);
    const request = {
      serverUrl: input.serverUrl,
      username: input.username,
      password: input.password,
    };
    ctx.write.audit('sync.join', null, null, {
      serverUrl: input.serverUrl,
      username: input.username,
    });
    // Signing in there is network work: it starts once this call has answered.
    ctx.afterCommit(() => ctx.services.sync.join(request));
    return { ...ctx.services.sync.status(ctx.db, ctx.user), state: 'syncing', progress: null };
  },

  'sync:now': (ctx) => {
    const status = ctx.services.sync.status(ctx.db, ctx.user);
    if (status.serverUrl === null) return status;
    ctx.afterCommit(() => ctx.services.sync.syncSoon());
    return { ...status, state: 'syncing' };
  },

  'sync:rejections': (ctx) => listRejections(ctx.db, rejectionsOf(ctx)),

  'sync:dismissRejection': (ctx, input) => {
    if (!dismissRejection(ctx.db, input.id, rejectionsOf(ctx), ctx.now()))
      throw new AppError('NOT_FOUND');
    return null;
  },

  'sync:conflicts': (ctx, input) =>
    listConflicts(ctx.db, input.includeResolved ?? false, conflictCellsOf(requireUser(ctx).roles)),

  'sync:resolveConflict': (ctx, input) => {
    const user = requireUser(ctx);
    const conflict = findConflict(ctx.db, input.id);
    const cells = conflictCellsOf(user.roles);
    // Only what this user may settle: another role's register is not theirs to decide.
    if (!conflict || (cells !== null && !cells.includes(`${conflict.table}.${conflict.column}`)))
      throw new AppError('NOT_FOUND');
    if (input.keep === 'lost') {
      if (!isSyncedTableName(conflict.table)) throw new AppError('NOT_FOUND');
      const table = syncedTables[conflict.table];
      const column = table.columns[conflict.column as keyof typeof table.columns];
      if (!column) throw new AppError('NOT_FOUND');
      // Restored as a new change through the one mutation path: checked, logged, synced.
      ctx.write.update(table, conflict.rowId, {
        [conflict.column]: fromStorage(column, storedValueOf(conflict.lostValue)),
      });
    }
    markConflictResolved(ctx.db, conflict.id, input.keep, user.id, ctx.now());
    ctx.write.audit('sync.conflict-resolved', conflict.table, conflict.rowId, {
      column: conflict.column,
      keep: input.keep,
    });
    return null;
  },

  'sync:signInOnline': (ctx, input) => {
    // From the sign-in screen: someone signed in (or a locked session) leaves first.
    if (ctx.session.current()) throw new AppError('FORBIDDEN', 'a session is open');
    const serverUrl = readSyncState(ctx.db).serverUrl;
    if (serverUrl === null) throw new AppError('FORBIDDEN', 'this PC is not joined to a server');
    const username = input.username.toLowerCase();
    // Otherwise their password changed elsewhere: the server's replaces this PC's verifier.
    const known = findUserByUsername(ctx.db, username);
    const firstSignInHere = known === null || readCredential(ctx.db, known.id) === null;
    ctx.write.audit('sync.join', null, null, { serverUrl, username, firstSignInHere });
    const attempt = newOnlineSignIn(ctx.services.sync, {
      serverUrl,
      username,
      password: input.password,
    });
    ctx.afterCommit(attempt.run);
    return { attemptId: attempt.attemptId };
  },

  'sync:onlineSignIn': (ctx, input) => {
    const state = onlineSignInState(ctx.services.sync, ctx.db, input.attemptId);
    if (!state) throw new AppError('NOT_FOUND');
    return state;
  },

  'sync:credentialRefusals': (ctx) => credentialRefusals(ctx.db),
};
