import { describe, expect, it } from 'vitest';
import type { ColumnDeclaration } from '../../../../shared/tables/define-table';
import { syncedTables } from '../../../../shared/tables/registry';
import { describeCellValue } from './cell-value';

describe('describeCellValue', () => {
  it('never shows a sensitive column, whatever value core hands over', () => {
    expect(describeCellValue('complaints', 'citizen_cin', 'AB123456')).toEqual({ kind: 'hidden' });
    expect(describeCellValue('complaints', 'citizen_cin', null)).toEqual({ kind: 'hidden' });
    for (const [table, declaration] of Object.entries(syncedTables)) {
      for (const [column, cell] of Object.entries<ColumnDeclaration>(declaration.columns)) {
        if (cell.sensitive)
          expect(describeCellValue(table, column, 'secret'), `${table}.${column}`).toEqual({
            kind: 'hidden',
          });
      }
    }
  });

  it('does not show values of tables or columns this app cannot check', () => {
    expect(describeCellValue('slec_milestones', 'status', 'open')).toEqual({ kind: 'hidden' });
    expect(describeCellValue('complaints', 'citizen_passport', 'X1')).toEqual({ kind: 'hidden' });
  });

  it('translates closed lists, booleans, languages and roles', () => {
    expect(describeCellValue('complaints', 'status', 'closed')).toEqual({
      kind: 'label',
      key: 'complaints:statuses.closed',
    });
    expect(describeCellValue('complaint_replies', 'status', 'approved')).toEqual({
      kind: 'label',
      key: 'complaints:replyStatuses.approved',
    });
    expect(describeCellValue('complaints', 'urgent', '1')).toEqual({
      kind: 'label',
      key: 'sync:values.yes',
    });
    expect(describeCellValue('users', 'language', 'fr')).toEqual({
      kind: 'label',
      key: 'common:languages.fr',
    });
    expect(describeCellValue('users', 'roles', '["clerk","head"]')).toEqual({
      kind: 'labels',
      keys: ['common:roles.clerk', 'common:roles.head'],
    });
    expect(describeCellValue('complaints', 'deleted', '1')).toEqual({
      kind: 'label',
      key: 'sync:values.deleted',
    });
  });

  it('keeps a value outside its list as text rather than inventing a translation', () => {
    expect(describeCellValue('complaints', 'status', 'archived')).toEqual({
      kind: 'text',
      text: 'archived',
      long: false,
    });
  });

  it('names references, dates and times, and marks long text', () => {
    const id = '0193a1b2-0000-7000-8000-000000000001';
    expect(describeCellValue('complaints', 'assignee_id', id)).toEqual({
      kind: 'reference',
      to: 'user',
      id,
    });
    expect(describeCellValue('complaints', 'merged_into', id)).toEqual({
      kind: 'reference',
      to: 'complaint',
      id,
    });
    expect(describeCellValue('complaints', 'answer_due_on', '2026-03-05')).toEqual({
      kind: 'day',
      day: '2026-03-05',
    });
    expect(
      describeCellValue('complaint_replies', 'reviewed_at', '2026-03-05T10:20:00.000Z'),
    ).toEqual({ kind: 'time', iso: '2026-03-05T10:20:00.000Z' });
    expect(describeCellValue('complaint_replies', 'body', 'السلام عليكم\nوبعد')).toMatchObject({
      kind: 'text',
      long: true,
    });
    expect(describeCellValue('complaints', 'assignee_id', null)).toEqual({ kind: 'empty' });
  });
});
