import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf, OutputOf } from '../../shared/api/contract';
import type { QueueView } from '../../shared/api/procedures/complaints.procedures';
import { createTestCore, setUpAdmin, type TestCore } from '../testing/test-core';
import {
  categoryId,
  createStaff,
  editComplaint,
  intakeInput,
  signInAs,
} from './complaint-fixtures';

/**
 * Nine cases on 30 November 2026 (Morocco), each placed to fall in or out of a view:
 *   c1 urgent lighting, today            -> nadia (dept A), ack due in 15 days
 *   c2 other, 13 Nov by letter           -> nobody, ack overdue by 2 days
 *   c3 roads, 16 Nov, a suggestion       -> dept B, ack due tomorrow (at risk)
 *   c4 green spaces, 4 Oct in person     -> acknowledged, answer due in 3 days (at risk)
 *   c5 green spaces, 5 Oct in person     -> answer due in 4 days; has an official number
 *   c6 lighting, 20 Nov                  -> nadia, awaiting approval, ack due in 5 days
 *   c7 green spaces, 1 Sep               -> answered
 *   c8 roads, 1 Aug                      -> closed
 *   c9 urgent roads, 1 Nov               -> omar (dept B), ack overdue by 14 days
 */
let t: TestCore;
const ids: Record<string, string> = {};
const nameOf = (id: string) => Object.keys(ids).find((name) => ids[name] === id) ?? id;

beforeAll(() => {
  t = createTestCore();
  setUpAdmin(t);
  const lightingDept = t.ok('departments:create', { nameAr: 'قسم الإنارة', nameFr: 'Éclairage' });
  const roadsDept = t.ok('departments:create', { nameAr: 'قسم الطرق', nameFr: 'Voirie' });
  const nadia = createStaff(t, 'nadia', ['clerk'], lightingDept.id);
  const omar = createStaff(t, 'omar', ['clerk'], roadsDept.id);
  createStaff(t, 'director', ['director']);
  const categories = t.ok('categories:list', {});
  const route = (nameAr: string, departmentId: string, defaultAssigneeId: string | null) =>
    t.ok('categories:update', {
      ...categories.find((c) => c.nameAr === nameAr)!,
      departmentId,
      defaultAssigneeId,
    });
  route('الإنارة العمومية', lightingDept.id, nadia);
  route('الطرق والأزقة', roadsDept.id, null);
  const lighting = categoryId(t, 'الإنارة العمومية');
  const roads = categoryId(t, 'الطرق والأزقة');
  const green = categoryId(t, 'المساحات الخضراء');
  const other = categoryId(t, 'أخرى');

  signInAs(t, 'nadia');
  const create = (name: string, input: InputOf<'complaints:create'>) => {
    ids[name] = t.ok('complaints:create', input).id;
  };
  create(
    'c1',
    intakeInput(lighting, {
      urgent: true,
      citizenName: 'فاطمة الزهراء بنعلي',
      citizenCin: 'AB123456',
      subject: 'انقطاع الإنارة العمومية في زنقة المسيرة',
      description: 'الزنقة مظلمة تماما منذ ثلاثة أيام والساكنة تخشى على الأطفال.',
    }),
  );
  create(
    'c2',
    intakeInput(other, {
      channel: 'letter',
      receivedOn: '2026-11-13',
      citizenName: 'أحمد الإدريسي',
      citizenPhone: '0661223344',
      district: 'حي الأندلس',
    }),
  );
  create('c3', intakeInput(roads, { kind: 'suggestion', receivedOn: '2026-11-16' }));
  create('c4', intakeInput(green, { channel: 'in_person', receivedOn: '2026-10-04' }));
  create('c5', intakeInput(green, { channel: 'in_person', receivedOn: '2026-10-05' }));
  create(
    'c6',
    intakeInput(lighting, {
      receivedOn: '2026-11-20',
      subject: 'مصباح معطل أمام المسجد',
      description: 'المصباح لا يشتغل منذ أسبوع والإنارة منعدمة في الزقاق المؤدي إلى المسجد.',
    }),
  );
  create('c7', intakeInput(green, { receivedOn: '2026-09-01' }));
  create('c8', intakeInput(roads, { receivedOn: '2026-08-01' }));
  create('c9', intakeInput(roads, { urgent: true, receivedOn: '2026-11-01' }));

  editComplaint(t, ids.c5!, { official_number: '2026/0001' });
  editComplaint(t, ids.c6!, { status: 'awaiting_approval' });
  editComplaint(t, ids.c7!, { status: 'answered', answered_on: '2026-10-01' });
  editComplaint(t, ids.c8!, {
    status: 'closed',
    closed_on: '2026-09-15',
    resolution: 'تم إصلاح الطريق.',
  });
  editComplaint(t, ids.c9!, { assignee_id: omar, status: 'in_progress' });
});
afterAll(() => t.dispose());

type QueueInput = InputOf<'complaints:queue'>;
const queue = (view: QueueView, extra: Partial<QueueInput> = {}): OutputOf<'complaints:queue'> =>
  t.ok('complaints:queue', {
    view,
    page: 0,
    pageSize: 50,
    sort: { field: 'daysLeft', direction: 'asc' },
    filters: {},
    ...extra,
  });
const names = (view: QueueView, extra: Partial<QueueInput> = {}) =>
  queue(view, extra).rows.map((row) => nameOf(row.id));

const expectedForNadia: Record<QueueView, string[]> = {
  open: ['c9', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6'],
  urgent: ['c9', 'c1'],
  unassigned: ['c2', 'c3', 'c4', 'c5'],
  mine: ['c1', 'c6'],
  department: ['c1', 'c6'],
  overdue: ['c9', 'c2'],
  at_risk: ['c3', 'c4'],
  awaiting_approval: ['c6'],
  all: ['c9', 'c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8'],
};

describe('complaints:queue', () => {
  it('gives each view exactly its cases, urgent first then by days left, with exact totals', () => {
    signInAs(t, 'nadia');
    for (const [view, expected] of Object.entries(expectedForNadia) as [QueueView, string[]][]) {
      const page = queue(view);
      expect(
        page.rows.map((row) => nameOf(row.id)),
        view,
      ).toEqual(expected);
      expect(page.total, view).toBe(expected.length);
    }
    expect(t.ok('complaints:viewCounts', {})).toEqual(
      Object.fromEntries(
        Object.entries(expectedForNadia).map(([view, rows]) => [view, rows.length]),
      ),
    );
  });

  it('scopes mine and my department to the reader; the director has neither, reads the rest', () => {
    signInAs(t, 'omar');
    expect(names('mine')).toEqual(['c9']);
    expect(names('department')).toEqual(['c9', 'c3']);
    signInAs(t, 'director');
    expect(names('mine')).toEqual([]);
    expect(names('department')).toEqual([]);
    expect(names('open')).toEqual(expectedForNadia.open);
  });

  it('computes days left, the deadline kind, the call flag and the assignee name', () => {
    signInAs(t, 'nadia');
    const rows = Object.fromEntries(queue('all').rows.map((row) => [nameOf(row.id), row]));
    expect(rows.c1).toMatchObject({
      urgent: true,
      callToday: true,
      daysLeft: 15,
      dueKind: 'acknowledgement',
      nextDueOn: '2026-12-15',
      assigneeName: 'الموظف nadia',
      status: 'in_progress',
    });
    expect(rows.c2).toMatchObject({ daysLeft: -2, dueKind: 'acknowledgement', callToday: false });
    expect(rows.c4).toMatchObject({ daysLeft: 3, dueKind: 'answer', nextDueOn: '2026-12-03' });
    expect(rows.c5).toMatchObject({ number: '2026/0001', officialNumber: '2026/0001' });
    expect(rows.c7).toMatchObject({
      daysLeft: null,
      dueKind: null,
      nextDueOn: null,
      callToday: false,
    });
    expect(rows.c9?.callToday).toBe(true);
    editComplaint(t, ids.c9!, { called_on: '2026-11-30' });
    expect(queue('urgent').rows[0]).toMatchObject({ id: ids.c9, callToday: false });
    editComplaint(t, ids.c9!, { called_on: null });
  });

  it('never shows the CIN, the phone or the description in a list', () => {
    signInAs(t, 'director');
    const listed = JSON.stringify(queue('all'));
    expect(listed).not.toContain('AB123456');
    expect(listed).not.toContain('0612345678');
    expect(listed).not.toContain('الزنقة مظلمة');
  });

  it('sorts by days left, receipt and number, each way, and descending is the exact reverse', () => {
    signInAs(t, 'nadia');
    const sorted = (field: 'daysLeft' | 'receivedOn' | 'number', direction: 'asc' | 'desc') =>
      names('all', { sort: { field, direction } });
    expect(sorted('receivedOn', 'asc')).toEqual([
      'c8',
      'c7',
      'c4',
      'c5',
      'c9',
      'c2',
      'c3',
      'c6',
      'c1',
    ]);
    expect(sorted('number', 'asc')).toEqual(['c5', 'c1', 'c2', 'c3', 'c4', 'c6', 'c7', 'c8', 'c9']);
    for (const field of ['daysLeft', 'receivedOn', 'number'] as const)
      expect(sorted(field, 'desc'), field).toEqual([...sorted(field, 'asc')].reverse());
    expect(names('open', { sort: { field: 'daysLeft', direction: 'desc' } })).toEqual(
      [...expectedForNadia.open].reverse(),
    );
  });

  it('pages through the stretches of a sort without losing or repeating a case', () => {
    signInAs(t, 'nadia');
    for (const field of ['daysLeft', 'receivedOn', 'number'] as const)
      for (const direction of ['asc', 'desc'] as const)
        for (const pageSize of [1, 2, 4]) {
          const sort = { field, direction };
          const whole = names('all', { sort });
          const paged = [0, 1, 2, 3, 4, 5, 6, 7, 8].flatMap((page) =>
            names('all', { sort, page, pageSize }),
          );
          expect(paged, `${field} ${direction} by ${pageSize}`).toEqual(whole);
          expect(queue('all', { sort, page: 9, pageSize }).total).toBe(9);
        }
  });

  it('filters by kind, status, category, department, urgency and district', () => {
    signInAs(t, 'nadia');
    const roadsDept = t.ok('departments:list', {}).find((d) => d.nameFr === 'Voirie')!;
    expect(names('all', { filters: { kind: 'suggestion' } })).toEqual(['c3']);
    expect(names('all', { filters: { status: 'routed' } })).toEqual(['c3']);
    expect(names('all', { filters: { categoryId: categoryId(t, 'المساحات الخضراء') } })).toEqual([
      'c4',
      'c5',
      'c7',
    ]);
    expect(names('all', { filters: { departmentId: roadsDept.id } })).toEqual(['c9', 'c3', 'c8']);
    expect(names('open', { filters: { urgent: false, district: 'حي الأندلس' } })).toEqual(['c2']);
    expect(queue('all', { filters: { urgent: true } }).total).toBe(2);
  });
});

describe('complaints:queue search', () => {
  it('finds "والإنارة" and "الإنارة" with "انارة", within the view', () => {
    signInAs(t, 'nadia');
    expect(names('all', { search: 'انارة' })).toEqual(['c1', 'c6']);
    expect(names('urgent', { search: 'انارة' })).toEqual(['c1']);
    expect(names('unassigned', { search: 'انارة' })).toEqual([]);
    expect(queue('all', { search: 'انارة' }).total).toBe(2);
  });

  it('finds a name typed with other alef, ta marbuta, alef maqsura and harakat', () => {
    signInAs(t, 'nadia');
    expect(names('all', { search: 'فاطمه الزّهراء' })).toEqual(['c1']);
    expect(names('all', { search: 'أَحْمَد الادريسى' })).toEqual(['c2']);
    expect(names('all', { search: 'احمد فاطمة' })).toEqual([]);
  });

  it('finds a phone number however it is typed, and without its leading 0', () => {
    signInAs(t, 'nadia');
    for (const typed of [
      '0661223344',
      '06 61 22 33 44',
      '06-61-22-33-44',
      '06.61.22.33.44',
      '+212 661223344',
      '00212 661-22-33-44',
      '٠٦ ٦١ ٢٢ ٣٣ ٤٤',
      '661223344',
      '661 22 33 44',
    ])
      expect(names('all', { search: typed }), typed).toEqual(['c2']);
    expect(names('all', { search: 'الإدريسي 06 61 22 33 44' })).toEqual(['c2']);
  });

  it('finds a case by its number, and ignores a search with no word in it', () => {
    signInAs(t, 'nadia');
    const c3 = queue('all').rows.find((row) => row.id === ids.c3)!;
    expect(names('all', { search: c3.number })).toEqual(['c3']);
    // The official number of c5, and the year and sequence of c1's local number.
    expect(names('all', { search: '2026/0001' })).toEqual(['c1', 'c5']);
    expect(names('all', { search: ' ؟! ' })).toEqual(expectedForNadia.all);
    expect(queue('all', { search: 'لاوجودلها' })).toEqual({ rows: [], total: 0, limited: false });
  });

  it('sorts and pages the matches exactly as the queue does without a search', () => {
    signInAs(t, 'nadia');
    // Every local number holds the year: this search matches every case.
    for (const field of ['daysLeft', 'receivedOn', 'number'] as const)
      for (const direction of ['asc', 'desc'] as const) {
        const sort = { field, direction };
        for (const view of ['all', 'open'] as const) {
          expect(names(view, { sort, search: '2026' }), `${view} ${field} ${direction}`).toEqual(
            names(view, { sort }),
          );
        }
        expect(names('all', { sort, search: '2026', page: 1, pageSize: 4 })).toEqual(
          names('all', { sort, page: 1, pageSize: 4 }),
        );
      }
  });
});

describe('complaints:districts and complaints:assignees', () => {
  it('lists districts most used first', () => {
    signInAs(t, 'director');
    expect(t.ok('complaints:districts', {})).toEqual(['حي السلام', 'حي الأندلس']);
  });

  it('lists active clerks and heads only', () => {
    signInAs(t, 'nadia');
    expect(t.ok('complaints:assignees', {}).map((a) => a.displayName)).toEqual([
      'الموظف nadia',
      'الموظف omar',
    ]);
  });

  it('is refused to an editor', () => {
    createStaff(t, 'editor1', ['editor']);
    signInAs(t, 'editor1');
    expect(
      t.call('complaints:queue', {
        view: 'all',
        page: 0,
        pageSize: 10,
        sort: { field: 'daysLeft', direction: 'asc' },
        filters: {},
      }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
