import { AppError } from '../../shared/errors';
import { usersTable } from '../../shared/tables/platform.tables';
import type { HandlersFor } from '../handlers.types';
import { requireUser, type HandlerContext } from '../handler-context';
import { assertStrongPassword } from '../session/passwords';
import { findDepartment } from '../departments/departments.repo';
import {
  countActiveAdmins,
  findUserById,
  findUserByUsername,
  listUsers,
  toSessionUser,
  toUserRow,
} from './users.repo';
import { storePassword } from './store-password';

function existingUser(ctx: HandlerContext, id: string) {
  const user = findUserById(ctx.db, id);
  if (!user) throw new AppError('NOT_FOUND', `user ${id} not found`);
  return user;
}

function checkDepartment(ctx: HandlerContext, departmentId: string | null): void {
  if (departmentId !== null && !findDepartment(ctx.db, departmentId)) {
    throw new AppError('VALIDATION', 'unknown department', { departmentId: 'not_found' });
  }
}

/** The commune must always keep one active administrator, or nobody can manage users again. */
function keepOneAdmin(ctx: HandlerContext): void {
  if (countActiveAdmins(ctx.db) === 0) throw new AppError('LAST_ADMIN');
}

/** A change to the signed-in user's own account shows in the session at once. */
function refreshSessionAfterCommit(ctx: HandlerContext, id: string): void {
  ctx.afterCommit(() => {
    const user = findUserById(ctx.db, id);
    if (user) ctx.session.refresh(toSessionUser(user));
  });
}

export const usersHandlers: HandlersFor<'users:'> = {
  'users:list': (ctx, input) => listUsers(ctx.db, input),

  'users:create': (ctx, input) => {
    if (findUserByUsername(ctx.db, input.username)) {
      throw new AppError('USERNAME_TAKEN', 'username taken', { username: 'taken' });
    }
    checkDepartment(ctx, input.departmentId);
    assertStrongPassword(input.password, input.username);
    const id = ctx.write.insert(usersTable, {
      username: input.username,
      display_name: input.displayName,
      roles: [...new Set(input.roles)],
      department_id: input.departmentId,
      active: true,
      language: input.language,
    });
    storePassword(ctx, id, input.password, requireUser(ctx).id);
    return toUserRow(existingUser(ctx, id));
  },

  'users:update': (ctx, input) => {
    existingUser(ctx, input.id);
    checkDepartment(ctx, input.departmentId);
    ctx.write.update(usersTable, input.id, {
      display_name: input.displayName,
      roles: [...new Set(input.roles)],
      department_id: input.departmentId,
    });
    keepOneAdmin(ctx);
    refreshSessionAfterCommit(ctx, input.id);
    return toUserRow(existingUser(ctx, input.id));
  },

  'users:setActive': (ctx, input) => {
    existingUser(ctx, input.id);
    // Signed in on this PC and deactivated by oneself: refused, another administrator does it.
    if (!input.active && input.id === ctx.user?.id) throw new AppError('SELF_DEACTIVATION');
    ctx.write.update(usersTable, input.id, { active: input.active });
    keepOneAdmin(ctx);
    return toUserRow(existingUser(ctx, input.id));
  },

  'users:resetPassword': (ctx, input) => {
    assertStrongPassword(input.password, existingUser(ctx, input.id).username);
    storePassword(ctx, input.id, input.password, requireUser(ctx).id);
    ctx.write.audit('users.password-reset', 'users', input.id);
    return null;
  },
};
