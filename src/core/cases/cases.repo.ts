import type { ComplaintStatus } from '../../shared/complaints/complaint-values';
import type { CaseFacts, CaseTies, Refusal } from '../../shared/complaints/workflow';
import { workingStatus } from '../../shared/complaints/workflow';
import { AppError } from '../../shared/errors';
import type { Row } from '../../shared/tables/define-table';
import { complaintRepliesTable, complaintsTable } from '../../shared/tables/complaints.tables';
import { statement, type Db } from '../db/connection';
import { rowFromStorage } from '../db/mutations';

export type CaseRecord = Row<typeof complaintsTable>;
export type ReplyRecord = Row<typeof complaintRepliesTable>;

export function findCase(db: Db, id: string): CaseRecord | null {
  const raw = statement(db, 'SELECT * FROM complaints WHERE id = ? AND deleted = 0').get(id) as
    Record<string, unknown> | undefined;
  return raw ? rowFromStorage(complaintsTable, raw) : null;
}

export function requireCase(db: Db, id: string): CaseRecord {
  const record = findCase(db, id);
  if (!record) throw new AppError('NOT_FOUND', `case ${id} not found`);
  return record;
}

/** Each case once, in the order given; an unknown id refuses the whole batch. */
export function requireCases(db: Db, ids: readonly string[]): CaseRecord[] {
  return [...new Set(ids)].map((id) => requireCase(db, id));
}

/** The official number once the server gave it, else this PC's number. */
export function caseNumber(record: Pick<CaseRecord, 'official_number' | 'local_number'>): string {
  return record.official_number ?? record.local_number;
}

export function factsOf(record: CaseRecord): CaseFacts {
  return {
    status: record.status,
    departmentId: record.department_id,
    assigneeId: record.assignee_id,
  };
}

/** Throws the workflow's refusal, naming the case so a bulk action says which one stopped it. */
export function refuseIf(refusal: Refusal | null, record: CaseRecord, context = ''): void {
  if (refusal !== null)
    throw new AppError(refusal, `case ${caseNumber(record)}${context}: ${refusal}`);
}

/**
 * The status after the department or assignee changes. A case whose reply is under review or
 * approved keeps that status: it still waits on that reply, whoever now holds the case.
 */
export function statusAfterReassignment(
  current: ComplaintStatus,
  facts: Pick<CaseFacts, 'departmentId' | 'assigneeId'>,
): ComplaintStatus {
  if (current === 'awaiting_approval' || current === 'approved') return current;
  return workingStatus(facts);
}

export function requireReply(db: Db, id: string): ReplyRecord {
  const raw = statement(db, 'SELECT * FROM complaint_replies WHERE id = ? AND deleted = 0').get(
    id,
  ) as Record<string, unknown> | undefined;
  if (!raw) throw new AppError('NOT_FOUND', `reply ${id} not found`);
  return rowFromStorage(complaintRepliesTable, raw);
}

/** A case has at most one reply on its way (drafted, submitted, returned or approved). */
export function hasReplyInProgress(db: Db, complaintId: string): boolean {
  return (
    statement(
      db,
      `SELECT 1 FROM complaint_replies
       WHERE complaint_id = ? AND deleted = 0 AND status <> 'delivered' LIMIT 1`,
    ).get(complaintId) !== undefined
  );
}

/**
 * The cases merged into the case bound to `?`, directly or through a case merged into it earlier:
 * they all get its answer. No cycles: only a pending case can be merged, and a merged one is not
 * pending.
 */
export const mergedCasesCte = `WITH RECURSIVE merged (id) AS (
  SELECT id FROM complaints WHERE merged_into = ? AND deleted = 0
  UNION
  SELECT c.id FROM complaints c JOIN merged m ON c.merged_into = m.id WHERE c.deleted = 0
)`;

export function mergedCaseIds(db: Db, targetId: string): string[] {
  const rows = statement(
    db,
    `${mergedCasesCte}
     SELECT c.id FROM merged CROSS JOIN complaints c ON c.id = merged.id ORDER BY c.received_on, c.id`,
  ).all(targetId) as { id: string }[];
  return rows.map((row) => row.id);
}

/** The reply of the case that is with the head or approved and not yet given, if any. */
export function replyUnderWay(db: Db, complaintId: string): CaseTies['replyUnderWay'] {
  const row = statement(
    db,
    `SELECT status FROM complaint_replies
     WHERE complaint_id = ? AND deleted = 0 AND status IN ('submitted', 'approved')
     ORDER BY status = 'approved' DESC LIMIT 1`,
  ).get(complaintId) as { status: 'submitted' | 'approved' } | undefined;
  return row?.status ?? null;
}

/** What the close rule reads beyond the case's row: cases merged into it, its reply under way. */
export function tiesOf(db: Db, record: CaseRecord): CaseTies {
  const merged = statement(
    db,
    'SELECT 1 FROM complaints WHERE merged_into = ? AND deleted = 0 LIMIT 1',
  ).get(record.id);
  return { hasMergedCases: merged !== undefined, replyUnderWay: replyUnderWay(db, record.id) };
}

export function categoryState(db: Db, id: string): { active: boolean } | null {
  const row = statement(db, 'SELECT active FROM categories WHERE id = ? AND deleted = 0').get(
    id,
  ) as { active: number } | undefined;
  return row ? { active: row.active === 1 } : null;
}
