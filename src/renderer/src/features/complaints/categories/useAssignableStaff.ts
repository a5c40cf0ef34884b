import type { AssigneeRow } from '../../../../../shared/api/procedures/complaints.procedures';
import type { Role } from '../../../../../shared/roles';
import { caseWorkerRoles } from '../../../../../shared/complaints/workflow';
import { useApiQuery } from '../../../api/hooks';
import { mayCall } from '../../../../../shared/api/may-call';

const workerRoles: readonly Role[] = caseWorkerRoles;

/**
 * Staff a category's cases can go to by default (active clerks and heads). The contract lets only
 * the complaints' readers list assignees; an administrator who is not one reads the same people
 * from the user list, which only administrators may call.
 */
export function useAssignableStaff(roles: readonly Role[]): {
  staff: AssigneeRow[];
  /** Until the list arrives, a saved default assignee cannot be named yet. */
  loaded: boolean;
  error: unknown;
} {
  const asReader = mayCall('complaints:assignees', roles);
  const assignees = useApiQuery('complaints:assignees', {}, { enabled: asReader });
  const users = useApiQuery(
    'users:list',
    // A commune's staff fits in one page of the largest size.
    { page: 0, pageSize: 200, includeInactive: false },
    { enabled: !asReader && mayCall('users:list', roles) },
  );
  if (asReader)
    return { staff: assignees.data ?? [], loaded: assignees.isSuccess, error: assignees.error };
  const staff = (users.data?.rows ?? [])
    .filter((user) => user.active && user.roles.some((role) => workerRoles.includes(role)))
    .map(({ id, displayName, departmentId, roles: userRoles }) => ({
      id,
      displayName,
      departmentId,
      roles: userRoles,
    }));
  return { staff, loaded: users.isSuccess, error: users.error };
}
