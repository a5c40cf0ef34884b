import type { ComplaintStatus, ReplyStatus } from '../complaints/complaint-values';
import { isPending } from '../complaints/complaint-values';
import {
  approveRefusal,
  approverRoles,
  closeRefusal,
  reopenRefusal,
  routeRefusal,
  type CaseFacts,
  type Refusal,
  type Worker,
} from '../complaints/workflow';
import type { Role } from '../roles';
import type { ColumnDeclaration, TableDeclaration } from '../tables/define-table';

/**
 * What a synced change may do, decided from the table declarations and the workflow rules alone,
 * so the server (for every pushed change) and core can apply the same rules (DESIGN.md, Sync:
 * "the user's role may write that column and that transition").
 */

/** The signed-in author of a change; null for a change written before anyone signed in. */
export type ChangeAuthor = Worker | null;

const hasAny = (author: Worker, roles: readonly Role[]) =>
  author.roles.some((role) => roles.includes(role));

/** The column's write rules: a role, `any`, `self` (the row is the author's user), never `server`. */
export function mayWriteColumn(
  author: ChangeAuthor,
  column: ColumnDeclaration,
  rowId: string,
): boolean {
  return column.write.some((rule) => {
    if (rule === 'any') return true;
    if (author === null || rule === 'server') return false;
    if (rule === 'self') return rowId === author.id;
    return author.roles.includes(rule);
  });
}

/** Tombstoning a row: never in an append-only table, else only the table's delete roles. */
export function mayDeleteRow(author: ChangeAuthor, table: TableDeclaration): boolean {
  if (table.appendOnly || author === null) return false;
  return hasAny(author, table.deleteRoles);
}

/** The current values of a row on the receiving side (parsed), or null for a row not seen yet. */
export type CurrentRow = Readonly<Record<string, unknown>> | null;

/** Why a transition is refused: workflow.ts's reasons, and the reply's own. */
export type TransitionRefusal = Refusal | 'REPLY_NOT_APPROVED' | 'REPLY_NOT_EDITABLE';

function caseFacts(row: CurrentRow): CaseFacts {
  return {
    // A case not seen yet is being registered: it starts received.
    status: (row?.status as ComplaintStatus | undefined) ?? 'received',
    departmentId: (row?.department_id as string | null | undefined) ?? null,
    assigneeId: (row?.assignee_id as string | null | undefined) ?? null,
  };
}

function complaintStatusRefusal(
  author: Worker,
  next: ComplaintStatus,
  row: CurrentRow,
): TransitionRefusal | null {
  const facts = caseFacts(row);
  if (next === facts.status) return null;
  switch (next) {
    case 'merged':
      return hasAny(author, approverRoles) ? null : 'NOT_CASE_LEAD';
    case 'closed':
      return closeRefusal(author, facts);
    case 'approved':
      return approveRefusal(author, facts);
    case 'answered':
      // Answered means an approved reply reached the citizen: never straight from a draft.
      return facts.status === 'approved' ? null : 'REPLY_NOT_APPROVED';
    default:
      // Back to work from a finished case is a reopening, which only the case's lead may do.
      return isPending(facts.status) ? null : reopenRefusal(author, facts);
  }
}

/** complaints: routing, approval, merging, closing and reopening keep to workflow.ts. */
function complaintRefusal(
  author: Worker,
  column: string,
  value: unknown,
  row: CurrentRow,
): TransitionRefusal | null {
  if (column === 'status') return complaintStatusRefusal(author, value as ComplaintStatus, row);
  if (column === 'department_id') {
    const facts = caseFacts(row);
    if (value === facts.departmentId) return null;
    // A clerk sends a new case to its department; moving it elsewhere is the heads' call. The
    // pending check is left to the status rules: a late routing of a closed case loses nothing.
    return routeRefusal(author, { ...facts, status: 'received' });
  }
  return null;
}

const replyTextColumns = new Set(['body', 'language']);

/**
 * complaint_replies: only an approver leading the case approves or returns a reply; only an
 * approved reply is delivered; the text of an approved reply no longer changes.
 */
function replyRefusal(
  author: Worker,
  column: string,
  value: unknown,
  row: CurrentRow,
  replyCase: CurrentRow,
): TransitionRefusal | null {
  const current = (row?.status as ReplyStatus | undefined) ?? null;
  if (replyTextColumns.has(column)) {
    return current === 'approved' || current === 'delivered' ? 'REPLY_NOT_EDITABLE' : null;
  }
  if (column !== 'status' || value === current) return null;
  const next = value as ReplyStatus;
  if (current === 'delivered') return 'REPLY_NOT_EDITABLE';
  if (next === 'approved' || next === 'returned') {
    return approveRefusal(author, caseFacts(replyCase));
  }
  if (next === 'delivered') return current === 'approved' ? null : 'REPLY_NOT_APPROVED';
  // Back to a draft or submitted after approval would let unapproved text go out as approved.
  return current === 'approved' ? 'REPLY_NOT_EDITABLE' : null;
}

export interface TransitionInput {
  table: string;
  column: string;
  /** The new value, parsed. */
  value: unknown;
  /** The row as the receiver holds it before this change. */
  row: CurrentRow;
  /** For a reply: the case it answers (its status and department decide who approves). */
  replyCase?: CurrentRow;
}

/**
 * The legally significant transitions (decree 2-17-265): null when allowed, else why not. Column
 * write rules are checked apart (mayWriteColumn); this looks at the value a column moves to.
 */
export function transitionRefusal(
  author: ChangeAuthor,
  input: TransitionInput,
): TransitionRefusal | null {
  if (author === null) return null;
  switch (input.table) {
    case 'complaints':
      return complaintRefusal(author, input.column, input.value, input.row);
    case 'complaint_replies':
      return replyRefusal(author, input.column, input.value, input.row, input.replyCase ?? null);
    default:
      return null;
  }
}

/** The related row a transition needs besides the changed one: a reply's case. */
export function transitionContext(
  table: string,
  row: CurrentRow,
): { table: string; rowId: string } | null {
  if (table !== 'complaint_replies') return null;
  const complaintId = row?.complaint_id;
  return typeof complaintId === 'string' ? { table: 'complaints', rowId: complaintId } : null;
}
