import { AppError } from '../../shared/errors';
import { countAuditSince } from '../audit/audit.repo';
import { createBackup, lastDailyBackupAt, listBackups } from '../backup/backups';
import { statement } from '../db/connection';
import { countDepartments } from '../departments/departments.repo';
import type { HandlerContext } from '../handler-context';
import type { HandlersFor } from '../handlers.types';
import { writeSettings } from '../settings/local-settings';

function requireBackup(ctx: HandlerContext, name: string): void {
  if (!listBackups(ctx.services.backupsDir).some((b) => b.name === name)) {
    throw new AppError('NOT_FOUND', `backup ${name} not found`);
  }
}

function requireDamaged(ctx: HandlerContext): void {
  if (ctx.services.databaseState().kind !== 'damaged') throw new AppError('DATABASE_OK');
}

export const settingsHandlers: HandlersFor<'settings:'> = {
  'settings:get': (ctx) => ctx.settings(),
  'settings:update': (ctx, input) => {
    writeSettings(ctx.db, input);
    ctx.write.audit('settings.update', null, null, { keys: Object.keys(input) });
    return ctx.settings();
  },
};

export const homeHandlers: HandlersFor<'home:'> = {
  'home:counts': (ctx) => {
    const startOfDay = new Date(ctx.now());
    startOfDay.setHours(0, 0, 0, 0);
    return {
      activeUsers: (
        statement(
          ctx.db,
          'SELECT count(*) AS n FROM users WHERE deleted = 0 AND active = 1',
        ).get() as {
          n: number;
        }
      ).n,
      departments: countDepartments(ctx.db),
      auditToday: countAuditSince(ctx.db, startOfDay.toISOString()),
      lastBackupAt: lastDailyBackupAt(ctx.services.backupsDir, ctx.now())?.toISOString() ?? null,
      pendingChanges: (
        statement(ctx.db, "SELECT count(*) AS n FROM changes WHERE state = 'pending'").get() as {
          n: number;
        }
      ).n,
    };
  },
};

export const backupsHandlers: HandlersFor<'backups:'> = {
  'backups:list': (ctx) => listBackups(ctx.services.backupsDir),
  'backups:create': (ctx) => {
    try {
      const backup = createBackup(ctx.db, ctx.services.backupsDir, 'manual', ctx.now());
      ctx.afterwards((after) =>
        after.write.audit('backups.create', null, null, { name: backup.name }),
      );
      return backup;
    } catch (error) {
      throw new AppError('BACKUP_FAILED', error instanceof Error ? error.message : 'backup failed');
    }
  },
  'backups:restore': (ctx, input) => {
    requireBackup(ctx, input.name);
    ctx.services.restoreBackup(input.name);
    return null;
  },
};

export const recoveryHandlers: HandlersFor<'recovery:'> = {
  'recovery:backups': (ctx) => {
    requireDamaged(ctx);
    return listBackups(ctx.services.backupsDir);
  },
  'recovery:restore': (ctx, input) => {
    requireDamaged(ctx);
    requireBackup(ctx, input.name);
    ctx.services.restoreBackup(input.name);
    return null;
  },
  'recovery:startEmpty': (ctx) => {
    requireDamaged(ctx);
    ctx.services.startEmpty();
    return null;
  },
  'recovery:retry': (ctx) => {
    if (ctx.services.databaseState().kind !== 'unavailable') throw new AppError('DATABASE_OK');
    ctx.services.retryOpen();
    return null;
  },
};
