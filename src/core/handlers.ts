import { auditHandlers } from './audit/audit.handlers';
import { casesHandlers } from './cases/cases.handlers';
import { complaintStatsHandlers } from './complaint-stats/complaint-stats.handlers';
import { categoriesHandlers } from './complaints/categories.handlers';
import { complaintsHandlers } from './complaints/complaints.handlers';
import { replyTemplatesHandlers } from './complaints/reply-templates.handlers';
import { departmentsHandlers } from './departments/departments.handlers';
import type { ProcedureName } from '../shared/api/procedure-names';
import type { HandlerMap } from './handlers.types';
import { profileHandlers, sessionHandlers } from './session/session.handlers';
import {
  backupsHandlers,
  homeHandlers,
  recoveryHandlers,
  settingsHandlers,
} from './system/system.handlers';
import { syncHandlers } from './sync/sync.handlers';
import { usersHandlers } from './users/users.handlers';

/** Exhaustive over the contract: a procedure without a handler does not compile. */
export const handlers: HandlerMap = {
  ...sessionHandlers,
  ...profileHandlers,
  ...usersHandlers,
  ...departmentsHandlers,
  ...auditHandlers,
  ...settingsHandlers,
  ...homeHandlers,
  ...backupsHandlers,
  ...recoveryHandlers,
  ...complaintsHandlers,
  ...categoriesHandlers,
  ...replyTemplatesHandlers,
  ...casesHandlers,
  ...complaintStatsHandlers,
  ...syncHandlers,
};

/** VACUUM INTO cannot run inside a transaction; the copy it makes is a consistent snapshot by itself. */
export const runsOutsideTransaction: ReadonlySet<ProcedureName> = new Set<ProcedureName>([
  'backups:create',
  // A restore closes and replaces the database file: no transaction can span that.
  'backups:restore',
]);
