import { mayCall } from '../../shared/api/may-call';
import { readEverythingRoles, type Role } from '../../shared/roles';
import type { ColumnDeclaration } from '../../shared/tables/define-table';
import { syncedTables } from '../../shared/tables/registry';

/**
 * Columns whose concurrent edits are legally significant (DESIGN.md, Sync: status, decisions,
 * deadlines, assignee, reply): when sync settles one by clock, a department head must be able to
 * see which value lost. Other columns settle by last-writer-wins without a record.
 */
const significantColumns: Readonly<Record<string, ReadonlySet<string>>> = {
  complaints: new Set([
    'status',
    'department_id',
    'assignee_id',
    'ack_due_on',
    'answer_due_on',
    'acknowledged_on',
    'answered_on',
    'closed_on',
    'resolution',
    'merged_into',
  ]),
  complaint_replies: new Set(['status', 'body', 'reviewed_by', 'delivery']),
  // Law 31-13: the deadline, its one extension and the reasoned decision.
  info_requests: new Set([
    'status',
    'urgent',
    'department_id',
    'assignee_id',
    'due_on',
    'extended_due_on',
    'extension_reason',
    'extension_notified_on',
    'answered_on',
    'refusal_ground',
    'refusal_reason',
  ]),
};

/**
 * `table.column` of the significant cells these roles may write: the conflicts they can settle
 * (a head, complaints; the information officer, the access-to-information register). Null for
 * those who read everything (director, president, administrator): every conflict.
 */
export function conflictCellsOf(roles: readonly Role[]): string[] | null {
  // A clerk, or the president who reads everything, opens no conflicts screen: none counted.
  if (!mayCall('sync:conflicts', roles)) return [];
  if (roles.some((role) => readEverythingRoles.includes(role))) return null;
  return Object.values(syncedTables).flatMap((table) =>
    Object.entries<ColumnDeclaration>(table.columns)
      .filter(
        ([name, column]) =>
          isSignificantColumn(table.name, name) &&
          column.write.some((rule) => (roles as readonly string[]).includes(rule)),
      )
      .map(([name]) => `${table.name}.${name}`),
  );
}

export function isSignificantColumn(table: string, column: string): boolean {
  return significantColumns[table]?.has(column) ?? false;
}
