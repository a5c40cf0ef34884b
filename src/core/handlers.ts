import { auditHandlers } from './audit/audit.handlers';
import { departmentsHandlers } from './departments/departments.handlers';
import type { HandlerMap } from './handlers.types';
import { profileHandlers, sessionHandlers } from './session/session.handlers';
import {
  backupsHandlers,
  homeHandlers,
  recoveryHandlers,
  settingsHandlers,
} from './system/system.handlers';
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
};
