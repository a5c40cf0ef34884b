import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../shared/errors';
import { addDays, communeToday } from '../../shared/complaints/legal-clock';
import { createTestCore, staffPassword, type TestCore } from '../testing/test-core';
import { insertTestComplaint, setUpCaseWorld, signInAs, type CaseWorld } from './case-fixture';

let t: TestCore;
let w: CaseWorld;
beforeEach(() => {
  t = createTestCore();
  w = setUpCaseWorld(t);
});
afterEach(() => t.dispose());

const today = () => communeToday(new Date(t.clock.ms));
const replyBody = 'نحيطكم علما بأن مصالح الجماعة تدخلت لإصلاح عمود الإنارة.';

function changeCount(): number {
  return (t.core.database().prepare('SELECT count(*) AS n FROM changes').get() as { n: number }).n;
}

/** Expects the call refused with this code, and nothing written by it. */
function refused(
  call: () => { ok: boolean; error?: { code: ErrorCode; message: string; fields?: unknown } },
  code: ErrorCode,
) {
  const before = changeCount();
  const result = call();
  expect(result).toMatchObject({ ok: false, error: { code } });
  expect(changeCount()).toBe(before);
  return result.error!;
}

/** A head closes a pending case only in their own department. */
const routedToRoads = () => ({ department_id: w.roads, status: 'routed' as const });

/** A case routed to roads and assigned to the roads clerk, with a reply submitted (as clerk). */
function caseAwaitingApproval(): { id: string; replyId: string } {
  signInAs(t, 'clerk');
  const { id } = insertTestComplaint(t, w);
  t.ok('cases:route', { ids: [id], departmentId: w.roads });
  t.ok('cases:assign', { ids: [id], assigneeId: w.users.clerk });
  const { replyId } = t.ok('cases:saveReply', { id, language: 'ar', body: replyBody });
  t.ok('cases:submitReply', { replyId });
  return { id, replyId };
}

describe('what the workflow refuses', () => {
  it('a clerk approving a reply', () => {
    const { replyId } = caseAwaitingApproval();
    refused(() => t.call('cases:reviewReply', { replyId, decision: 'approve' }), 'FORBIDDEN');
  });

  it('a head of another department approving; the case lead may', () => {
    const { id, replyId } = caseAwaitingApproval();
    signInAs(t, 'lamphead');
    refused(() => t.call('cases:reviewReply', { replyId, decision: 'approve' }), 'NOT_CASE_LEAD');
    signInAs(t, 'director');
    t.ok('cases:reviewReply', { replyId, decision: 'approve' });
    expect(t.ok('cases:get', { id }).status).toBe('approved');
  });

  it('returning a reply without saying why', () => {
    const { replyId } = caseAwaitingApproval();
    signInAs(t, 'head');
    const error = refused(
      () => t.call('cases:reviewReply', { replyId, decision: 'return' }),
      'VALIDATION',
    );
    expect(error.fields).toEqual({ comment: 'required' });
  });

  it('editing or resubmitting a submitted reply, or drafting a second one', () => {
    const { id, replyId } = caseAwaitingApproval();
    refused(
      () => t.call('cases:saveReply', { id, replyId, language: 'ar', body: `${replyBody} تعديل` }),
      'REPLY_NOT_EDITABLE',
    );
    refused(() => t.call('cases:submitReply', { replyId }), 'REPLY_NOT_EDITABLE');
    refused(
      () => t.call('cases:saveReply', { id, language: 'fr', body: 'Une deuxième réponse.' }),
      'REPLY_NOT_EDITABLE',
    );
  });

  it('delivering a reply not approved, or on a day to come or before its approval', () => {
    const { replyId } = caseAwaitingApproval();
    refused(
      () => t.call('cases:deliverReply', { replyId, method: 'phone', on: today() }),
      'REPLY_NOT_APPROVED',
    );
    signInAs(t, 'head');
    t.ok('cases:reviewReply', { replyId, decision: 'approve' });
    const future = refused(
      () => t.call('cases:deliverReply', { replyId, method: 'email', on: addDays(today(), 1) }),
      'VALIDATION',
    );
    expect(future.fields).toEqual({ on: 'in_future' });
    const early = refused(
      () => t.call('cases:deliverReply', { replyId, method: 'email', on: addDays(today(), -1) }),
      'VALIDATION',
    );
    expect(early.fields).toEqual({ on: 'too_old' });
  });

  it('a clerk rerouting a case already routed; a head may', () => {
    signInAs(t, 'clerk');
    const { id } = insertTestComplaint(t, w);
    t.ok('cases:route', { ids: [id], departmentId: w.roads });
    refused(
      () => t.call('cases:route', { ids: [id], departmentId: w.lighting }),
      'CASE_ALREADY_ROUTED',
    );
    signInAs(t, 'head');
    t.ok('cases:route', { ids: [id], departmentId: w.lighting });
    expect(t.ok('cases:get', { id }).departmentId).toBe(w.lighting);
  });

  it('a clerk assigning outside their department, or to someone who cannot hold a case', () => {
    signInAs(t, 'clerk');
    const { id } = insertTestComplaint(t, w);
    t.ok('cases:route', { ids: [id], departmentId: w.roads });
    refused(
      () => t.call('cases:assign', { ids: [id], assigneeId: w.users.lampclerk }),
      'NOT_YOUR_DEPARTMENT',
    );
    signInAs(t, 'lampclerk');
    refused(
      () => t.call('cases:assign', { ids: [id], assigneeId: w.users.lampclerk }),
      'NOT_YOUR_DEPARTMENT',
    );
    signInAs(t, 'head');
    refused(
      () => t.call('cases:assign', { ids: [id], assigneeId: w.users.director }),
      'ASSIGNEE_NOT_ELIGIBLE',
    );
    refused(
      () =>
        t.call('cases:assign', { ids: [id], assigneeId: '01890000-0000-7000-8000-000000000000' }),
      'ASSIGNEE_NOT_ELIGIBLE',
    );
  });

  it('merging a closed case, or a case into itself', () => {
    signInAs(t, 'head');
    const target = insertTestComplaint(t, w);
    const closed = insertTestComplaint(t, w, routedToRoads());
    t.ok('cases:close', { id: closed.id, resolution: 'اقتراح مسجل.' });
    const error = refused(
      () => t.call('cases:merge', { targetId: target.id, sourceIds: [closed.id] }),
      'CASE_NOT_PENDING',
    );
    expect(error.message).toContain(closed.localNumber);
    refused(
      () => t.call('cases:merge', { targetId: target.id, sourceIds: [target.id] }),
      'VALIDATION',
    );
    refused(
      () => t.call('cases:merge', { targetId: closed.id, sourceIds: [target.id] }),
      'CASE_NOT_PENDING',
    );
  });

  it('closing a pending case without leading it; reopening an open case or as a clerk', () => {
    signInAs(t, 'clerk');
    const { id } = insertTestComplaint(t, w);
    t.ok('cases:route', { ids: [id], departmentId: w.roads });
    refused(() => t.call('cases:close', { id, resolution: 'مغلق.' }), 'CASE_NOT_CLOSABLE');
    signInAs(t, 'lamphead');
    refused(() => t.call('cases:close', { id, resolution: 'مغلق.' }), 'CASE_NOT_CLOSABLE');
    refused(() => t.call('cases:reopen', { id, reason: 'سبب' }), 'CASE_NOT_REOPENABLE');
    signInAs(t, 'head');
    t.ok('cases:close', { id, resolution: 'مغلق بطلب من المواطنة.' });
    signInAs(t, 'clerk');
    refused(() => t.call('cases:reopen', { id, reason: 'سبب' }), 'FORBIDDEN');
    signInAs(t, 'lamphead');
    refused(() => t.call('cases:reopen', { id, reason: 'سبب' }), 'NOT_CASE_LEAD');
  });

  it('acting on a closed case, and an acknowledgement dated outside receipt..today', () => {
    signInAs(t, 'head');
    const { id } = insertTestComplaint(t, w, routedToRoads());
    const future = refused(
      () => t.call('cases:acknowledge', { id, on: addDays(today(), 1) }),
      'VALIDATION',
    );
    expect(future.fields).toEqual({ on: 'in_future' });
    const early = refused(
      () => t.call('cases:acknowledge', { id, on: addDays(today(), -3) }),
      'VALIDATION',
    );
    expect(early.fields).toEqual({ on: 'too_old' });
    t.ok('cases:close', { id, resolution: 'مغلق.' });
    refused(() => t.call('cases:route', { ids: [id], departmentId: w.roads }), 'CASE_NOT_PENDING');
    refused(
      () => t.call('cases:saveReply', { id, language: 'ar', body: replyBody }),
      'CASE_NOT_PENDING',
    );
    refused(() => t.call('cases:acknowledge', { id, on: today() }), 'CASE_NOT_PENDING');
    refused(() => t.call('cases:get', { id: '01890000-0000-7000-8000-000000000000' }), 'NOT_FOUND');
  });

  it('triage into an unknown or inactive category', () => {
    signInAs(t, 'clerk');
    const { id } = insertTestComplaint(t, w);
    const triage = {
      id,
      kind: 'complaint' as const,
      urgent: false,
      district: 'حي السلام',
      location: null,
    };
    refused(
      () => t.call('cases:triage', { ...triage, categoryId: w.inactiveCategory }),
      'CATEGORY_INACTIVE',
    );
    const error = refused(
      () =>
        t.call('cases:triage', { ...triage, categoryId: '01890000-0000-7000-8000-000000000000' }),
      'VALIDATION',
    );
    expect(error.fields).toEqual({ categoryId: 'not_found' });
  });
});

describe('what the workflow refuses around merged cases and replies under way', () => {
  it("a head merging another department's cases, which they could not close", () => {
    signInAs(t, 'clerk');
    const target = insertTestComplaint(t, w, routedToRoads());
    const source = insertTestComplaint(t, w, routedToRoads());
    signInAs(t, 'lamphead');
    refused(
      () => t.call('cases:merge', { targetId: target.id, sourceIds: [source.id] }),
      'NOT_CASE_LEAD',
    );
    signInAs(t, 'clerk');
    const lamp = insertTestComplaint(t, w, { department_id: w.lighting, status: 'routed' });
    signInAs(t, 'head');
    // Leading the target is not enough: the source is lighting's.
    refused(
      () => t.call('cases:merge', { targetId: target.id, sourceIds: [source.id, lamp.id] }),
      'NOT_CASE_LEAD',
    );
    expect(t.ok('cases:get', { id: source.id }).status).toBe('routed');
    signInAs(t, 'director');
    expect(t.ok('cases:merge', { targetId: target.id, sourceIds: [source.id] })).toEqual({
      updated: 1,
    });
  });

  it('closing a pending case that other cases were merged into, before it is answered', () => {
    signInAs(t, 'head');
    const target = insertTestComplaint(t, w, routedToRoads());
    const source = insertTestComplaint(t, w, routedToRoads());
    t.ok('cases:merge', { targetId: target.id, sourceIds: [source.id] });
    refused(
      () => t.call('cases:close', { id: target.id, resolution: 'سحب المواطن شكايته.' }),
      'CASE_NOT_CLOSABLE',
    );
    const { replyId } = t.ok('cases:saveReply', { id: target.id, language: 'ar', body: replyBody });
    t.ok('cases:submitReply', { replyId });
    t.ok('cases:reviewReply', { replyId, decision: 'approve' });
    t.ok('cases:deliverReply', { replyId, method: 'letter', on: today() });
    t.ok('cases:close', { id: target.id, resolution: 'تم الجواب على جميع المواطنين.' });
    expect(t.ok('cases:get', { id: source.id }).answeredOn).toBe(today());
  });

  it('merging a case whose reply is with the head or approved, or closing it', () => {
    const { id, replyId } = caseAwaitingApproval();
    const target = insertTestComplaint(t, w, routedToRoads());
    signInAs(t, 'head');
    const error = refused(
      () => t.call('cases:merge', { targetId: target.id, sourceIds: [id] }),
      'REPLY_UNDER_WAY',
    );
    expect(error.message).toContain(t.ok('cases:get', { id }).localNumber);
    refused(() => t.call('cases:close', { id, resolution: 'مغلق.' }), 'CASE_NOT_CLOSABLE');
    t.ok('cases:reviewReply', { replyId, decision: 'approve' });
    refused(
      () => t.call('cases:merge', { targetId: target.id, sourceIds: [id] }),
      'REPLY_UNDER_WAY',
    );
    refused(() => t.call('cases:close', { id, resolution: 'مغلق.' }), 'CASE_NOT_CLOSABLE');
    // The reply can still be given: the case was neither merged nor closed.
    t.ok('cases:deliverReply', { replyId, method: 'phone', on: today() });
  });

  it('a head without a department approving, closing or reopening any case', () => {
    const { id, replyId } = caseAwaitingApproval();
    signInAs(t, 'admin');
    t.ok('users:create', {
      username: 'floater',
      displayName: 'رئيس بلا قسم',
      password: staffPassword,
      roles: ['head'],
      departmentId: null,
      language: 'ar',
    });
    t.ok('session:signOut', {});
    t.ok('session:signIn', { username: 'floater', password: staffPassword });
    refused(() => t.call('cases:reviewReply', { replyId, decision: 'approve' }), 'NOT_CASE_LEAD');
    const other = insertTestComplaint(t, w, routedToRoads());
    refused(
      () => t.call('cases:close', { id: other.id, resolution: 'مغلق.' }),
      'CASE_NOT_CLOSABLE',
    );
    const unrouted = insertTestComplaint(t, w);
    refused(
      () => t.call('cases:close', { id: unrouted.id, resolution: 'مغلق.' }),
      'CASE_NOT_CLOSABLE',
    );
    const closed = insertTestComplaint(t, w, {
      ...routedToRoads(),
      status: 'closed',
      closed_on: today(),
      resolution: 'مغلق.',
    });
    refused(() => t.call('cases:reopen', { id: closed.id, reason: 'سبب' }), 'NOT_CASE_LEAD');
    expect(t.ok('cases:get', { id }).status).toBe('awaiting_approval');
  });

  it('marking a call on a case that is not pending, or not urgent', () => {
    signInAs(t, 'head');
    const calm = insertTestComplaint(t, w, routedToRoads());
    const error = refused(() => t.call('cases:markCalled', { id: calm.id }), 'VALIDATION');
    expect(error.fields).toEqual({ id: 'not_urgent' });
    const urgent = insertTestComplaint(t, w, { ...routedToRoads(), urgent: true });
    t.ok('cases:close', { id: urgent.id, resolution: 'تم التدخل.' });
    refused(() => t.call('cases:markCalled', { id: urgent.id }), 'CASE_NOT_PENDING');
  });

  it('nothing when a head approves a reply they drafted: small services write and sign', () => {
    signInAs(t, 'head');
    const { id } = insertTestComplaint(t, w, routedToRoads());
    const { replyId } = t.ok('cases:saveReply', { id, language: 'ar', body: replyBody });
    t.ok('cases:submitReply', { replyId });
    t.ok('cases:reviewReply', { replyId, decision: 'approve' });
    expect(t.ok('cases:get', { id }).replies[0]).toMatchObject({
      draftedBy: w.users.head,
      reviewedBy: w.users.head,
      status: 'approved',
    });
  });
});

describe('bulk actions: all or nothing', () => {
  it('one case refused in a route leaves every case as it was, and the refusal names it', () => {
    signInAs(t, 'clerk');
    const a = insertTestComplaint(t, w);
    const b = insertTestComplaint(t, w);
    const c = insertTestComplaint(t, w);
    t.ok('cases:route', { ids: [b.id], departmentId: w.roads });
    const error = refused(
      () => t.call('cases:route', { ids: [a.id, b.id, c.id], departmentId: w.lighting }),
      'CASE_ALREADY_ROUTED',
    );
    expect(error.message).toContain(b.localNumber);
    for (const { id } of [a, c]) {
      const detail = t.ok('cases:get', { id });
      expect(detail).toMatchObject({ status: 'received', departmentId: null });
      expect(detail.events.map((event) => event.type)).toEqual(['received']);
    }
    refused(
      () =>
        t.call('cases:route', {
          ids: [a.id, '01890000-0000-7000-8000-000000000000'],
          departmentId: w.roads,
        }),
      'NOT_FOUND',
    );
    expect(t.ok('cases:route', { ids: [a.id, c.id, a.id], departmentId: w.roads })).toEqual({
      updated: 2,
    });
  });

  it('one case refused in an assignment or a merge changes none', () => {
    signInAs(t, 'head');
    const open = insertTestComplaint(t, w, routedToRoads());
    const closed = insertTestComplaint(t, w, routedToRoads());
    const target = insertTestComplaint(t, w, routedToRoads());
    t.ok('cases:close', { id: closed.id, resolution: 'مغلق.' });
    refused(
      () => t.call('cases:assign', { ids: [open.id, closed.id], assigneeId: w.users.clerk }),
      'CASE_NOT_PENDING',
    );
    refused(
      () => t.call('cases:merge', { targetId: target.id, sourceIds: [open.id, closed.id] }),
      'CASE_NOT_PENDING',
    );
    expect(t.ok('cases:get', { id: open.id })).toMatchObject({
      status: 'routed',
      assigneeId: null,
      mergedInto: null,
    });
    expect(t.ok('cases:get', { id: target.id }).citizens).toHaveLength(1);
  });
});
