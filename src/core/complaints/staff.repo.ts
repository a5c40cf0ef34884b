import type { AssigneeRow } from '../../shared/api/procedures/complaints.procedures';
import { caseWorkerRoles } from '../../shared/complaints/workflow';
import type { Role } from '../../shared/roles';
import { usersTable } from '../../shared/tables/platform.tables';
import { statement, type Db } from '../db/connection';
import { rowFromStorage } from '../db/mutations';

/** A member of staff as the complaints register sees them: who may be handed a case. */
export interface StaffMember {
  id: string;
  displayName: string;
  roles: Role[];
  departmentId: string | null;
  active: boolean;
}

export function findStaffMember(db: Db, id: string): StaffMember | null {
  const raw = statement(db, 'SELECT * FROM users WHERE id = ? AND deleted = 0').get(id) as
    Record<string, unknown> | undefined;
  if (!raw) return null;
  const user = rowFromStorage(usersTable, raw);
  return {
    id: user.id,
    displayName: user.display_name,
    roles: user.roles,
    departmentId: user.department_id,
    active: user.active,
  };
}

/** Cases go to active clerks and heads only (workflow.ts, assignRefusal). */
export function handlesCases(member: Pick<StaffMember, 'roles' | 'active'>): boolean {
  return (
    member.active &&
    member.roles.some((role) => (caseWorkerRoles as readonly Role[]).includes(role))
  );
}

export function listAssignees(db: Db): AssigneeRow[] {
  const raws = statement(
    db,
    `SELECT * FROM users
     WHERE deleted = 0 AND active = 1
       AND EXISTS (SELECT 1 FROM json_each(users.roles) WHERE value IN ('clerk', 'head'))
     ORDER BY display_name COLLATE NOCASE, id`,
  ).all() as Record<string, unknown>[];
  return raws.map((raw) => {
    const user = rowFromStorage(usersTable, raw);
    return {
      id: user.id,
      displayName: user.display_name,
      departmentId: user.department_id,
      roles: user.roles,
    };
  });
}
