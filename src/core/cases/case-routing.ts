import { assignRefusal, routeRefusal, type Assignee } from '../../shared/complaints/workflow';
import { AppError } from '../../shared/errors';
import { complaintsTable } from '../../shared/tables/complaints.tables';
import { findDepartment } from '../departments/departments.repo';
import type { HandlerContext } from '../handler-context';
import { findUserById } from '../users/users.repo';
import { appendCaseEvent, workerOf } from './case-context';
import { factsOf, refuseIf, requireCases, statusAfterReassignment } from './cases.repo';

/**
 * Bulk actions decide for every case before writing any: one refusal (named in the message)
 * leaves every case as it was; the transaction would roll back anyway, this keeps it cheap.
 */

/** Sends cases to a department; an assignee from another department lets go of the case. */
export function routeCases(ctx: HandlerContext, ids: readonly string[], departmentId: string) {
  if (!findDepartment(ctx.db, departmentId))
    throw new AppError('VALIDATION', `department ${departmentId} not found`, {
      departmentId: 'not_found',
    });
  const worker = workerOf(ctx);
  const cases = requireCases(ctx.db, ids);
  for (const record of cases) refuseIf(routeRefusal(worker, factsOf(record)), record);
  let updated = 0;
  for (const record of cases) {
    if (record.department_id === departmentId) continue;
    const keepsAssignee =
      record.assignee_id !== null &&
      findUserById(ctx.db, record.assignee_id)?.department_id === departmentId;
    const assigneeId = keepsAssignee ? record.assignee_id : null;
    ctx.write.update(complaintsTable, record.id, {
      department_id: departmentId,
      assignee_id: assigneeId,
      status: statusAfterReassignment(record.status, { departmentId, assigneeId }),
    });
    appendCaseEvent(ctx, record.id, 'routed', {
      departmentId,
      previousDepartmentId: record.department_id,
      unassignedId: keepsAssignee ? null : record.assignee_id,
    });
    updated++;
  }
  return { updated };
}

/** Hands cases to a clerk or head; a case without a department joins the assignee's. */
export function assignCases(ctx: HandlerContext, ids: readonly string[], assigneeId: string) {
  const worker = workerOf(ctx);
  const user = findUserById(ctx.db, assigneeId);
  // An unknown or deleted user is no more eligible than an inactive one.
  const assignee: Assignee = user
    ? { roles: user.roles, departmentId: user.department_id, active: user.active }
    : { roles: [], departmentId: null, active: false };
  const cases = requireCases(ctx.db, ids);
  for (const record of cases) refuseIf(assignRefusal(worker, factsOf(record), assignee), record);
  let updated = 0;
  for (const record of cases) {
    if (record.assignee_id === assigneeId) continue;
    const departmentId = record.department_id ?? assignee.departmentId;
    ctx.write.update(complaintsTable, record.id, {
      assignee_id: assigneeId,
      department_id: departmentId,
      status: statusAfterReassignment(record.status, { departmentId, assigneeId }),
    });
    appendCaseEvent(ctx, record.id, 'assigned', {
      assigneeId,
      previousAssigneeId: record.assignee_id,
      departmentId,
    });
    updated++;
  }
  return { updated };
}
