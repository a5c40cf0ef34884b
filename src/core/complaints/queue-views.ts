import type {
  QueueView,
  queueFiltersSchema,
} from '../../shared/api/procedures/complaints.procedures';
import { addDays, atRiskWithinDays } from '../../shared/complaints/legal-clock';
import type { z } from 'zod';

/**
 * The WHERE clause of the queue's saved views and filters, over `complaints c`.
 *
 * Every view but `all` lists the cases whose legal clock still runs: they test
 * `c.next_due_on IS NOT NULL` (false for deleted rows too), which lets SQLite walk the partial
 * indexes of migration 0002 (complaints_open*) in the order the queue shows.
 */

export interface Viewer {
  id: string;
  departmentId: string | null;
}

export interface Condition {
  sql: string;
  params: unknown[];
}

export interface ViewScope {
  conditions: Condition[];
  /** Only cases whose clock runs (never deleted ones); false for `all`. */
  clockRunning: boolean;
  /**
   * The partial index to walk, where SQLite guesses wrong: it prices `assignee_id IS NULL` as
   * twice as common as an equality and walks every open case instead of the unassigned ones.
   */
  index?: string;
}

const where = (sql: string, ...params: unknown[]): Condition => ({ sql, params });
const running = where('c.next_due_on IS NOT NULL');

/** null: the view is empty for this viewer (my department, when I have none). */
export function viewScope(view: QueueView, viewer: Viewer, today: string): ViewScope | null {
  const runningAnd = (...conditions: Condition[]): ViewScope => ({
    conditions: [running, ...conditions],
    clockRunning: true,
  });
  switch (view) {
    case 'open':
      return runningAnd();
    case 'urgent':
      return runningAnd(where('c.urgent = 1'));
    case 'unassigned':
      return { ...runningAnd(where('c.assignee_id IS NULL')), index: 'complaints_open_assignee' };
    case 'mine':
      return runningAnd(where('c.assignee_id = ?', viewer.id));
    case 'department':
      if (viewer.departmentId === null) return null;
      return runningAnd(where('c.department_id = ?', viewer.departmentId));
    case 'overdue':
      return runningAnd(where('c.next_due_on < ?', today));
    case 'at_risk':
      return runningAnd(
        where('c.next_due_on BETWEEN ? AND ?', today, addDays(today, atRiskWithinDays)),
      );
    case 'awaiting_approval':
      return runningAnd(where("c.status = 'awaiting_approval'"));
    case 'all':
      return { conditions: [], clockRunning: false };
  }
}

export type QueueFilters = z.output<typeof queueFiltersSchema>;

export function filterConditions(filters: QueueFilters): Condition[] {
  const conditions: Condition[] = [];
  const add = (sql: string, value: unknown) => conditions.push({ sql, params: [value] });
  if (filters.kind !== undefined) add('c.kind = ?', filters.kind);
  if (filters.status !== undefined) add('c.status = ?', filters.status);
  if (filters.categoryId !== undefined) add('c.category_id = ?', filters.categoryId);
  if (filters.departmentId !== undefined) add('c.department_id = ?', filters.departmentId);
  if (filters.urgent !== undefined) add('c.urgent = ?', filters.urgent ? 1 : 0);
  if (filters.district !== undefined) add('c.district = ?', filters.district);
  return conditions;
}

/** Rows whose rowid is in a list (the matches of a search). */
export function rowidIn(rowids: readonly number[]): Condition {
  return where('c.rowid IN (SELECT value FROM json_each(?))', JSON.stringify(rowids));
}

export function joinConditions(conditions: Condition[]): Condition {
  if (conditions.length === 0) return where('1');
  return {
    sql: conditions.map((condition) => condition.sql).join(' AND '),
    params: conditions.flatMap((condition) => condition.params),
  };
}
