import { AppError } from '../../shared/errors';
import { uuidv7 } from '../../shared/ids/uuidv7';
import { usersTable } from '../../shared/tables/platform.tables';
import type { HandlerContext } from '../handler-context';
import { requireUser } from '../handler-context';
import type { HandlersFor } from '../handlers.types';
import {
  countUsers,
  findUserById,
  findUserByUsername,
  readCredential,
  toSessionUser,
} from '../users/users.repo';
import { storePassword } from '../users/store-password';
import { readSyncState } from '../sync/sync-state.repo';
import { forgetCurrentPasswords, holdCurrentPassword } from '../sync/credential-outbox';
import { forgetBackgroundSignIn, signInOnlineInBackground } from './background-sign-in';
import { assertStrongPassword, decoyHash, verifyPassword } from './passwords';
import { unlockAttemptsBeforeSignOut } from './session-state';

function verifyOrThrow(ctx: HandlerContext, userId: string | null, password: string): void {
  const hash = userId ? readCredential(ctx.db, userId) : null;
  const matches = verifyPassword(hash ?? decoyHash, password) && hash !== null;
  if (!matches) throw new AppError('INVALID_CREDENTIALS');
}

export const sessionHandlers: HandlersFor<'session:'> = {
  'session:status': (ctx) => {
    const state = ctx.services.databaseState();
    const settings = state.kind === 'ok' ? ctx.settings() : null;
    return {
      database: state.kind,
      damagedReason: state.kind === 'ok' ? null : state.reason,
      setupRequired: state.kind === 'ok' && countUsers(ctx.db) === 0,
      user: ctx.session.current(),
      locked: ctx.session.isLocked(),
      lockAfterMinutes: settings?.lockAfterMinutes ?? 10,
      joinedToServer: state.kind === 'ok' && readSyncState(ctx.db).serverUrl !== null,
    };
  },

  'session:createFirstAdmin': (ctx, input) => {
    if (countUsers(ctx.db) > 0) {
      throw new AppError('SETUP_DONE', 'the first administrator already exists');
    }
    assertStrongPassword(input.password, input.username);
    // The new administrator writes their own account: the change log names them from the start.
    const id = uuidv7();
    const asNewAdmin = ctx.writeAs({ kind: 'user', userId: id, roles: ['admin'] });
    asNewAdmin.insert(
      usersTable,
      {
        username: input.username,
        display_name: input.displayName,
        roles: ['admin'],
        department_id: null,
        active: true,
        language: input.language,
      },
      id,
    );
    storePassword(ctx, id, input.password, id);
    asNewAdmin.audit('session.first-admin', 'users', id);
    const user = toSessionUser(findUserById(ctx.db, id)!);
    ctx.afterCommit(() => ctx.session.signIn(user));
    return user;
  },

  'session:signIn': (ctx, input) => {
    const username = input.username.toLowerCase();
    if (ctx.session.throttled(username)) {
      throw new AppError('INVALID_CREDENTIALS', 'too many attempts');
    }
    const record = findUserByUsername(ctx.db, username);
    // Nobody ever signed in here with this name, and only the server can check the password:
    // the sign-in screen goes online (sync:signInOnline). Not a failure of this PC's verifiers.
    if (
      (record === null || readCredential(ctx.db, record.id) === null) &&
      readSyncState(ctx.db).serverUrl !== null
    ) {
      throw new AppError('ONLINE_SIGN_IN_REQUIRED', 'no verifier for this name on this PC');
    }
    try {
      verifyOrThrow(ctx, record?.id ?? null, input.password);
    } catch (error) {
      ctx.session.recordFailure(username);
      // What was typed is never stored: it may be a password typed in the wrong field.
      ctx.afterwards((after) =>
        after.write.audit(
          'session.sign-in-failed',
          'users',
          record?.id ?? null,
          record ? null : { unknownUsername: true },
        ),
      );
      throw error;
    }
    if (!record?.active) throw new AppError('ACCOUNT_INACTIVE');
    ctx.session.clearFailures(username);
    const user = toSessionUser(record);
    ctx.afterCommit(() => ctx.session.signIn(user));
    const verifier = readCredential(ctx.db, record.id);
    if (verifier !== null && readSyncState(ctx.db).serverUrl !== null) {
      // Without a token here their work could not go out: sync signs them in at the server too.
      ctx.afterCommit(() =>
        signInOnlineInBackground(ctx.services.sync, ctx.session, user, input.password, verifier),
      );
    } else {
      ctx.afterCommit(() => forgetBackgroundSignIn(ctx.services.sync));
    }
    // Signed in from here on: the audit entry names the user.
    ctx.afterwards((after) => after.write.audit('session.sign-in', 'users', user.id));
    return user;
  },

  'session:signOut': (ctx) => {
    const current = ctx.session.current();
    if (!current) return null;
    // A locked session left for another user is recorded against the record, not as its owner.
    ctx.write.audit(
      'session.sign-out',
      'users',
      current.id,
      ctx.user ? null : { fromLockScreen: true },
    );
    ctx.afterCommit(() => {
      ctx.session.signOut();
      forgetBackgroundSignIn(ctx.services.sync);
      forgetCurrentPasswords(ctx.services.sync);
    });
    return null;
  },

  'session:lock': (ctx) => {
    requireUser(ctx);
    ctx.afterCommit(() => ctx.session.lock());
    return null;
  },

  'session:unlock': (ctx, input) => {
    const current = ctx.session.current();
    if (!current || !ctx.session.isLocked()) {
      throw new AppError('UNAUTHENTICATED', 'nothing to unlock');
    }
    try {
      verifyOrThrow(ctx, current.id, input.password);
    } catch (error) {
      const failures = ctx.session.recordFailure(current.username);
      ctx.afterwards((after) => after.write.audit('session.unlock-failed', 'users', current.id));
      // Guessing at a locked screen ends the session: the owner signs in again, under the limits.
      if (failures >= unlockAttemptsBeforeSignOut)
        ctx.afterwards(() => {
          ctx.session.signOut();
          forgetBackgroundSignIn(ctx.services.sync);
          forgetCurrentPasswords(ctx.services.sync);
        });
      throw error;
    }
    const record = findUserById(ctx.db, current.id);
    if (!record?.active) {
      ctx.afterCommit(() => ctx.session.signOut());
      throw new AppError('ACCOUNT_INACTIVE');
    }
    ctx.session.clearFailures(current.username);
    const user = toSessionUser(record);
    ctx.afterCommit(() => {
      ctx.session.refresh(user);
      ctx.session.unlock();
    });
    return user;
  },

  'session:heartbeat': () => null,
};

export const profileHandlers: HandlersFor<'profile:'> = {
  'profile:setLanguage': (ctx, input) => {
    const user = requireUser(ctx);
    ctx.write.update(usersTable, user.id, { language: input.language });
    ctx.afterCommit(() => ctx.session.refresh({ ...user, language: input.language }));
    return null;
  },

  'profile:changePassword': (ctx, input) => {
    const user = requireUser(ctx);
    verifyOrThrow(ctx, user.id, input.currentPassword);
    assertStrongPassword(input.newPassword, user.username);
    storePassword(ctx, user.id, input.newPassword, user.id);
    // Held in memory only: the server takes one's own new password with the current one.
    ctx.afterCommit(() => holdCurrentPassword(ctx.services.sync, user.id, input.currentPassword));
    ctx.write.audit('profile.password-changed', 'users', user.id);
    return null;
  },
};
