import { describe, expect, it } from 'vitest';
import { complaintsTable, complaintRepliesTable } from '../tables/complaints.tables';
import { usersTable } from '../tables/platform.tables';
import { departmentsTable } from '../tables/platform.tables';
import {
  mayDeleteRow,
  mayWriteColumn,
  transitionRefusal,
  type ChangeAuthor,
  type CurrentRow,
} from './change-guards';

const dept = 'd1';
const clerk: ChangeAuthor = { id: 'u-clerk', roles: ['clerk'], departmentId: dept };
const head: ChangeAuthor = { id: 'u-head', roles: ['head'], departmentId: dept };
const otherHead: ChangeAuthor = { id: 'u-head2', roles: ['head'], departmentId: 'd2' };
const director: ChangeAuthor = { id: 'u-dir', roles: ['director'], departmentId: null };

const complaint = (status: string, departmentId: string | null = dept): CurrentRow => ({
  status,
  department_id: departmentId,
  assignee_id: null,
});
const complaintChange = (author: ChangeAuthor, column: string, value: unknown, row: CurrentRow) =>
  transitionRefusal(author, { table: 'complaints', column, value, row });
const replyChange = (author: ChangeAuthor, column: string, value: unknown, status: string) =>
  transitionRefusal(author, {
    table: 'complaint_replies',
    column,
    value,
    row: { status, complaint_id: 'c1' },
    replyCase: complaint('awaiting_approval'),
  });

describe('column write rules', () => {
  it('follow the declaration: roles, self, any, never server', () => {
    expect(mayWriteColumn(clerk, complaintsTable.columns.subject, 'c1')).toBe(true);
    expect(mayWriteColumn(clerk, complaintsTable.columns.merged_into, 'c1')).toBe(false);
    expect(mayWriteColumn(director, complaintsTable.columns.official_number, 'c1')).toBe(false);
    expect(mayWriteColumn(clerk, usersTable.columns.language, 'u-clerk')).toBe(true);
    expect(mayWriteColumn(clerk, usersTable.columns.language, 'u-head')).toBe(false);
    expect(mayWriteColumn(null, complaintsTable.columns.subject, 'c1')).toBe(false);
    expect(mayDeleteRow(clerk, departmentsTable)).toBe(false);
    expect(mayDeleteRow({ ...clerk, roles: ['admin'] }, departmentsTable)).toBe(true);
  });
});

describe('complaint transitions', () => {
  it('let a clerk route a new case but not move a routed one', () => {
    expect(complaintChange(clerk, 'department_id', dept, null)).toBeNull();
    expect(complaintChange(clerk, 'department_id', dept, complaint('received', null))).toBeNull();
    expect(complaintChange(clerk, 'department_id', 'd2', complaint('routed'))).toBe(
      'CASE_ALREADY_ROUTED',
    );
    expect(complaintChange(clerk, 'department_id', dept, complaint('routed'))).toBeNull();
    expect(complaintChange(head, 'department_id', 'd2', complaint('routed'))).toBeNull();
  });

  it('keep approval, merging and closing of pending cases to the lead', () => {
    expect(complaintChange(clerk, 'status', 'approved', complaint('awaiting_approval'))).toBe(
      'NOT_CASE_LEAD',
    );
    expect(complaintChange(head, 'status', 'approved', complaint('awaiting_approval'))).toBeNull();
    expect(complaintChange(otherHead, 'status', 'approved', complaint('awaiting_approval'))).toBe(
      'NOT_CASE_LEAD',
    );
    expect(complaintChange(clerk, 'status', 'merged', complaint('routed'))).toBe('NOT_CASE_LEAD');
    expect(complaintChange(director, 'status', 'merged', complaint('routed'))).toBeNull();
    expect(complaintChange(clerk, 'status', 'closed', complaint('in_progress'))).toBe(
      'CASE_NOT_CLOSABLE',
    );
    expect(complaintChange(clerk, 'status', 'closed', complaint('answered'))).toBeNull();
    expect(complaintChange(head, 'status', 'closed', complaint('merged'))).toBe(
      'CASE_NOT_CLOSABLE',
    );
  });

  it('answer only approved cases, and reopen only as the lead', () => {
    expect(complaintChange(clerk, 'status', 'answered', complaint('in_progress'))).toBe(
      'REPLY_NOT_APPROVED',
    );
    expect(complaintChange(clerk, 'status', 'answered', complaint('approved'))).toBeNull();
    expect(complaintChange(clerk, 'status', 'in_progress', complaint('closed'))).toBe(
      'NOT_CASE_LEAD',
    );
    expect(complaintChange(head, 'status', 'in_progress', complaint('closed'))).toBeNull();
    expect(complaintChange(director, 'status', 'routed', complaint('merged'))).toBe(
      'CASE_NOT_REOPENABLE',
    );
    // Intake: a new case starts received, routed or in progress.
    expect(complaintChange(clerk, 'status', 'in_progress', null)).toBeNull();
    expect(complaintChange(clerk, 'status', 'closed', null)).toBe('CASE_NOT_CLOSABLE');
  });

  it('leave other columns and tables to the write rules', () => {
    expect(complaintChange(clerk, 'subject', 'x', complaint('closed'))).toBeNull();
    expect(
      transitionRefusal(clerk, { table: 'users', column: 'active', value: false, row: null }),
    ).toBeNull();
  });
});

describe('reply transitions', () => {
  it('keep approving and returning to the lead, delivering to approved replies', () => {
    expect(replyChange(clerk, 'status', 'approved', 'submitted')).toBe('NOT_CASE_LEAD');
    expect(replyChange(clerk, 'status', 'returned', 'submitted')).toBe('NOT_CASE_LEAD');
    expect(replyChange(head, 'status', 'approved', 'submitted')).toBeNull();
    expect(replyChange(clerk, 'status', 'delivered', 'submitted')).toBe('REPLY_NOT_APPROVED');
    expect(replyChange(clerk, 'status', 'delivered', 'approved')).toBeNull();
    expect(replyChange(clerk, 'status', 'submitted', 'draft')).toBeNull();
  });

  it('freeze the text of an approved reply', () => {
    expect(replyChange(clerk, 'body', 'new text', 'approved')).toBe('REPLY_NOT_EDITABLE');
    expect(replyChange(head, 'body', 'new text', 'delivered')).toBe('REPLY_NOT_EDITABLE');
    expect(replyChange(clerk, 'status', 'draft', 'approved')).toBe('REPLY_NOT_EDITABLE');
    expect(replyChange(clerk, 'body', 'new text', 'returned')).toBeNull();
    expect(complaintRepliesTable.columns.body.write).toContain('clerk');
  });
});
