import { AppError } from '../../shared/errors';
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
  writeCredential,
} from '../users/users.repo';
import { decoyHash, hashPassword, verifyPassword } from './passwords';

function rejectWeakPassword(password: string, username: string): void {
  const lower = password.toLowerCase();
  if (
    lower.includes(username.toLowerCase()) ||
    /^(.)\1+$/.test(password) ||
    /^\d+$/.test(password)
  ) {
    throw new AppError('WEAK_PASSWORD', 'password too easy to guess', { password: 'weak' });
  }
}

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
    };
  },

  'session:createFirstAdmin': (ctx, input) => {
    if (countUsers(ctx.db) > 0)
      throw new AppError('SETUP_DONE', 'the first administrator already exists');
    rejectWeakPassword(input.password, input.username);
    const id = ctx.write.insert(usersTable, {
      username: input.username,
      display_name: input.displayName,
      roles: ['admin'],
      department_id: null,
      active: true,
      language: input.language,
    });
    writeCredential(ctx.db, id, hashPassword(input.password), ctx.now());
    ctx.write.audit('session.first-admin', 'users', id);
    const user = toSessionUser(findUserById(ctx.db, id)!);
    ctx.afterCommit(() => ctx.session.signIn(user, ctx.now().getTime()));
    return user;
  },

  'session:signIn': (ctx, input) => {
    const username = input.username.toLowerCase();
    const now = ctx.now().getTime();
    if (ctx.session.throttled(username, now))
      throw new AppError('INVALID_CREDENTIALS', 'too many attempts');
    const record = findUserByUsername(ctx.db, username);
    try {
      verifyOrThrow(ctx, record?.id ?? null, input.password);
    } catch (error) {
      ctx.session.recordFailure(username, now);
      ctx.afterwards((after) =>
        after.write.audit('session.sign-in-failed', 'users', record?.id ?? null, { username }),
      );
      throw error;
    }
    if (!record?.active) throw new AppError('ACCOUNT_INACTIVE');
    ctx.session.clearFailures(username);
    const user = toSessionUser(record);
    ctx.afterCommit(() => ctx.session.signIn(user, now));
    // Signed in from here on: the audit entry names the user.
    ctx.afterwards((after) => after.write.audit('session.sign-in', 'users', user.id));
    return user;
  },

  'session:signOut': (ctx) => {
    if (!ctx.user) return null;
    ctx.write.audit('session.sign-out', 'users', ctx.user.id);
    ctx.afterCommit(() => ctx.session.signOut());
    return null;
  },

  'session:lock': (ctx) => {
    requireUser(ctx);
    ctx.afterCommit(() => ctx.session.lock());
    return null;
  },

  'session:unlock': (ctx, input) => {
    const current = ctx.session.current();
    if (!current || !ctx.session.isLocked())
      throw new AppError('UNAUTHENTICATED', 'nothing to unlock');
    try {
      verifyOrThrow(ctx, current.id, input.password);
    } catch (error) {
      ctx.afterwards((after) => after.write.audit('session.unlock-failed', 'users', current.id));
      throw error;
    }
    const record = findUserById(ctx.db, current.id);
    if (!record?.active) {
      ctx.afterCommit(() => ctx.session.signOut());
      throw new AppError('ACCOUNT_INACTIVE');
    }
    const user = toSessionUser(record);
    ctx.afterCommit(() => {
      ctx.session.refresh(user);
      ctx.session.unlock(ctx.now().getTime());
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
    rejectWeakPassword(input.newPassword, user.username);
    writeCredential(ctx.db, user.id, hashPassword(input.newPassword), ctx.now());
    ctx.write.audit('profile.password-changed', 'users', user.id);
    return null;
  },
};
