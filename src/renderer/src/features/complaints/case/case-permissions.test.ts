import { describe, expect, it } from 'vitest';
import type { CaseDetail, CaseReply } from '../../../../../shared/api/procedures/cases.procedures';
import type { AssigneeRow } from '../../../../../shared/api/procedures/complaints.procedures';
import { casePermissions, editableReply, mayAssignTo } from './case-permissions';

const works = '0190a000-0000-7000-8000-000000000001';
const lighting = '0190a000-0000-7000-8000-000000000002';

function caseOf(overrides: Partial<CaseDetail> = {}): CaseDetail {
  return {
    id: '0190a000-0000-7000-8000-0000000000aa',
    number: 'PC01-2026-0001',
    localNumber: 'PC01-2026-0001',
    officialNumber: null,
    kind: 'complaint',
    channel: 'in_person',
    urgent: false,
    callToday: false,
    receivedOn: '2026-03-02',
    citizenName: 'محمد العلمي',
    citizenPhone: null,
    citizenEmail: null,
    citizenAddress: null,
    citizenCin: null,
    citizenCinMasked: false,
    subject: 'عمود إنارة مكسور',
    description: 'عمود الإنارة أمام المدرسة مكسور منذ أسبوع.',
    district: 'حي المنزه',
    location: null,
    categoryId: '0190a000-0000-7000-8000-0000000000c1',
    departmentId: null,
    assigneeId: null,
    assigneeName: null,
    status: 'received',
    ackDueOn: '2026-03-17',
    answerDueOn: '2026-05-01',
    acknowledgedOn: null,
    calledOn: null,
    answeredOn: null,
    closedOn: null,
    resolution: null,
    nextDueOn: '2026-03-17',
    dueKind: 'acknowledgement',
    daysLeft: 10,
    mergedInto: null,
    citizens: [],
    events: [],
    replies: [],
    attachments: [],
    ...overrides,
  };
}

function replyOf(status: CaseReply['status'], id = 'r1'): CaseReply {
  return {
    id,
    language: 'ar',
    body: 'جواب معلل على الشكاية.',
    status,
    draftedBy: 'u1',
    draftedByName: null,
    reviewedBy: null,
    reviewedByName: null,
    reviewedAt: null,
    reviewComment: null,
    delivery: null,
    deliveredOn: null,
  };
}

const clerk = { id: 'c1', roles: ['clerk' as const], departmentId: works };
const head = { id: 'h1', roles: ['head' as const], departmentId: works };
const otherHead = { id: 'h2', roles: ['head' as const], departmentId: lighting };
const director = { id: 'd1', roles: ['director' as const], departmentId: null };
const president = { id: 'p1', roles: ['president' as const], departmentId: null };

describe('case permissions', () => {
  it('let a clerk route a new case once, then leave moving it to the heads', () => {
    expect(casePermissions(clerk, caseOf()).route).toBe(true);
    const routed = caseOf({ status: 'routed', departmentId: works });
    expect(casePermissions(clerk, routed).route).toBe(false);
    expect(casePermissions(head, routed).route).toBe(true);
  });

  it('show the director no routing (not a case worker) but closing and reopening', () => {
    const routed = caseOf({ status: 'routed', departmentId: works });
    expect(casePermissions(director, routed)).toMatchObject({
      route: false,
      assign: false,
      addNote: true,
      close: true,
    });
    expect(casePermissions(director, caseOf({ status: 'closed' })).reopen).toBe(true);
    expect(casePermissions(clerk, caseOf({ status: 'closed' })).reopen).toBe(false);
  });

  it('leave the president reading only', () => {
    const permissions = casePermissions(president, caseOf({ callToday: true }));
    expect(Object.values(permissions).every((allowed) => !allowed)).toBe(true);
  });

  it('offer the review of a submitted reply to the heads who lead the case only', () => {
    const submitted = caseOf({
      status: 'awaiting_approval',
      departmentId: works,
      replies: [replyOf('submitted')],
    });
    expect(casePermissions(head, submitted).review).toBe(true);
    expect(casePermissions(otherHead, submitted).review).toBe(false);
    expect(casePermissions(clerk, submitted).review).toBe(false);
    expect(casePermissions(head, caseOf({ departmentId: works })).review).toBe(false);
  });

  it('edit the draft or returned reply rather than start a second one', () => {
    const drafted = caseOf({ status: 'in_progress', replies: [replyOf('draft')] });
    expect(casePermissions(clerk, drafted)).toMatchObject({ editReply: true, draftReply: false });
    const fresh = caseOf({ status: 'in_progress' });
    expect(casePermissions(clerk, fresh)).toMatchObject({ editReply: false, draftReply: true });
    const waiting = caseOf({ status: 'awaiting_approval', replies: [replyOf('submitted')] });
    expect(casePermissions(clerk, waiting)).toMatchObject({ editReply: false, draftReply: false });
    const returned = [replyOf('delivered', 'r0'), replyOf('returned', 'r1')];
    expect(editableReply(returned)?.id).toBe('r1');
  });

  it('offer delivery once approved, and the call only while it is owed', () => {
    const approved = caseOf({ status: 'approved', replies: [replyOf('approved')] });
    expect(casePermissions(clerk, approved).deliver).toBe(true);
    expect(casePermissions(clerk, caseOf()).markCalled).toBe(false);
    expect(casePermissions(clerk, caseOf({ callToday: true, urgent: true })).markCalled).toBe(true);
  });

  it('offer delivery only while the case is pending, never on a closed or merged one', () => {
    for (const status of ['closed', 'merged'] as const) {
      const finished = caseOf({ status, departmentId: works, replies: [replyOf('approved')] });
      expect(casePermissions(clerk, finished).deliver).toBe(false);
    }
  });

  it("offer Assign only to whoever could hand the case to someone: not another department's clerk", () => {
    const routed = caseOf({ status: 'routed', departmentId: works });
    const lampClerk = { id: 'c2', roles: ['clerk' as const], departmentId: lighting };
    expect(casePermissions(lampClerk, routed).assign).toBe(false);
    expect(casePermissions(clerk, routed).assign).toBe(true);
    expect(casePermissions(otherHead, routed).assign).toBe(true);
    expect(casePermissions(clerk, caseOf()).assign).toBe(false);
    expect(casePermissions(head, caseOf({ status: 'closed', departmentId: works })).assign).toBe(
      false,
    );
  });

  it('hide Close while merged citizens or a reply under review wait on the case', () => {
    const routed = caseOf({ status: 'routed', departmentId: works });
    expect(casePermissions(head, routed).close).toBe(true);
    const merged = {
      complaintId: 'm1',
      number: 'PC01-2026-0002',
      name: 'خديجة',
      phone: null,
      email: null,
      address: null,
    };
    const own = {
      ...merged,
      complaintId: routed.id,
      number: routed.number,
      name: routed.citizenName,
    };
    expect(casePermissions(head, { ...routed, citizens: [own, merged] }).close).toBe(false);
    const reviewed = caseOf({
      status: 'approved',
      departmentId: works,
      replies: [replyOf('approved')],
    });
    expect(casePermissions(head, reviewed).close).toBe(false);
    expect(
      casePermissions(head, {
        ...reviewed,
        status: 'answered',
        replies: [replyOf('delivered')],
        citizens: [own, merged],
      }).close,
    ).toBe(true);
  });

  it('leave a head without a department no approval, closing or reopening', () => {
    const floating = { id: 'h3', roles: ['head' as const], departmentId: null };
    const submitted = caseOf({
      status: 'awaiting_approval',
      departmentId: works,
      replies: [replyOf('submitted')],
    });
    expect(casePermissions(floating, submitted)).toMatchObject({ review: false, close: false });
    expect(
      casePermissions(floating, caseOf({ status: 'closed', departmentId: works })).reopen,
    ).toBe(false);
    expect(casePermissions(director, submitted).review).toBe(true);
  });

  it('freeze a merged case: no note, no attachment, no merge, no close', () => {
    const merged = caseOf({ status: 'merged' });
    expect(casePermissions(head, merged)).toMatchObject({
      addNote: false,
      addAttachment: false,
      merge: false,
      close: false,
      triage: false,
    });
  });

  it('list for a clerk only the staff of their own department', () => {
    const staff: AssigneeRow[] = [
      { id: 'a1', displayName: 'أمينة', departmentId: works, roles: ['clerk'] },
      { id: 'a2', displayName: 'يوسف', departmentId: lighting, roles: ['clerk'] },
    ];
    const routed = caseOf({ status: 'routed', departmentId: works });
    expect(staff.filter(mayAssignTo(clerk, routed)).map((a) => a.id)).toEqual(['a1']);
    expect(staff.filter(mayAssignTo(head, routed)).map((a) => a.id)).toEqual(['a1', 'a2']);
  });
});
