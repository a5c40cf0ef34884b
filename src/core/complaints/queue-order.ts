import type { ParsedInputOf } from '../../shared/api/contract';
import type { Condition, ViewScope } from './queue-views';

/**
 * The queue's three sorts, written twice on purpose and kept side by side: as stretches of SQL
 * that SQLite reads straight off an index (the whole register), and as a comparison for the few
 * thousand rows a search looks at. queue.test.ts checks that both give the same order.
 */

type QueueSort = ParsedInputOf<'complaints:queue'>['sort'];

/** Rows of `from` (complaints c, maybe with an index named) matching `where`. */
export interface Source {
  from: string;
  where: Condition;
}

/** One ordered stretch of the queue. */
export interface Part extends Source {
  orderBy: string;
}

const table = 'complaints c';

const and = (where: Condition, sql: string): Condition => ({
  sql: `${where.sql} AND ${sql}`,
  params: where.params,
});

const reversed = (orderBy: string) =>
  orderBy.replace(/\b(ASC|DESC)\b/g, (direction) => (direction === 'ASC' ? 'DESC' : 'ASC'));

/** Only `all` reaches the rows whose clock stopped, and so the deleted ones. */
const live = (scope: ViewScope, where: Condition) =>
  scope.clockRunning ? where : and(where, 'c.deleted = 0');

/**
 * The running clocks of one urgency. Said once only: SQLite weighs a repeated
 * `next_due_on IS NOT NULL` as a second range and then prefers the wrong index.
 */
const running = (scope: ViewScope, where: Condition, urgent: 0 | 1): Source => ({
  from: scope.index ? `${table} INDEXED BY ${scope.index}` : table,
  where: and(
    where,
    `${scope.clockRunning ? '' : 'c.next_due_on IS NOT NULL AND '}c.urgent = ${urgent}`,
  ),
});

/**
 * The stretches a sort walks, in order. Days left: urgent cases, then the others, each by the
 * nearest deadline (a seek into complaints_open*, never a sort), then, in `all` only, the cases
 * whose clock stopped (answered, closed, merged), newest first. Descending is the exact reverse.
 */
export function orderedParts(scope: ViewScope, where: Condition, sort: QueueSort): Part[] {
  let parts: Part[];
  switch (sort.field) {
    case 'daysLeft': {
      const byDeadline = 'c.next_due_on ASC, c.rowid ASC';
      parts = [
        { ...running(scope, where, 1), orderBy: byDeadline },
        { ...running(scope, where, 0), orderBy: byDeadline },
      ];
      if (!scope.clockRunning)
        parts.push({
          from: table,
          where: and(where, 'c.next_due_on IS NULL AND c.deleted = 0'),
          orderBy: 'c.received_on DESC, c.rowid DESC',
        });
      break;
    }
    case 'receivedOn':
      parts = [
        { from: table, where: live(scope, where), orderBy: 'c.received_on ASC, c.rowid ASC' },
      ];
      break;
    case 'number':
      // complaints_number indexes this very expression.
      parts = [
        {
          from: table,
          where: live(scope, where),
          orderBy: 'coalesce(c.official_number, c.local_number) ASC, c.rowid ASC',
        },
      ];
      break;
  }
  if (sort.direction === 'asc') return parts;
  return parts.reverse().map((part) => ({ ...part, orderBy: reversed(part.orderBy) }));
}

/**
 * What to count for a total: the running clocks by urgency (two seeks into complaints_open*, as
 * a range on the deadline cannot skip the urgency column), or every live row for `all`
 * (complaints_live, an index that holds nothing else).
 */
export function countedParts(scope: ViewScope, where: Condition): Source[] {
  if (!scope.clockRunning) return [{ from: table, where: live(scope, where) }];
  return [running(scope, where, 1), running(scope, where, 0)];
}

/** The columns the comparison needs, selected as `sortKeyColumns` names them. */
export interface SortKeys {
  r: number;
  urgent: number;
  next_due_on: string | null;
  received_on: string;
  number: string;
}

export const sortKeyColumns = `c.rowid AS r, c.urgent, c.next_due_on, c.received_on,
  coalesce(c.official_number, c.local_number) AS number`;

// SQLite compares TEXT byte by byte; these are ASCII (dates, numbers), where JS agrees.
const text = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function daysLeftAscending(a: SortKeys, b: SortKeys): number {
  const aRunning = a.next_due_on !== null;
  if (aRunning !== (b.next_due_on !== null)) return aRunning ? -1 : 1;
  if (a.next_due_on !== null && b.next_due_on !== null)
    return b.urgent - a.urgent || text(a.next_due_on, b.next_due_on) || a.r - b.r;
  return text(b.received_on, a.received_on) || b.r - a.r;
}

const ascending: Record<QueueSort['field'], (a: SortKeys, b: SortKeys) => number> = {
  daysLeft: daysLeftAscending,
  receivedOn: (a, b) => text(a.received_on, b.received_on) || a.r - b.r,
  number: (a, b) => text(a.number, b.number) || a.r - b.r,
};

export function compareFor(sort: QueueSort): (a: SortKeys, b: SortKeys) => number {
  const compare = ascending[sort.field];
  return sort.direction === 'asc' ? compare : (a, b) => compare(b, a);
}
