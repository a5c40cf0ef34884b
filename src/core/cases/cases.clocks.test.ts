import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, communeToday } from '../../shared/complaints/legal-clock';
import { complaintsTable } from '../../shared/tables/complaints.tables';
import { createTestCore, type TestCore } from '../testing/test-core';
import { insertTestComplaint, setUpCaseWorld, signInAs, type CaseWorld } from './case-fixture';

let t: TestCore;
let w: CaseWorld;
beforeEach(() => {
  t = createTestCore();
  w = setUpCaseWorld(t);
});
afterEach(() => t.dispose());

const day = 86_400_000;
const today = () => communeToday(new Date(t.clock.ms));
const get = (id: string) => t.ok('cases:get', { id });
const replyBody = 'نحيطكم علما بأن مصالح الجماعة تدخلت لإصلاح عمود الإنارة.';

/** A roads case received `daysAgo` days ago, with its legal clocks from that day. */
function roadsCase(daysAgo: number, acknowledged: boolean, extra: object = {}) {
  const received = addDays(today(), -daysAgo);
  return insertTestComplaint(t, w, {
    department_id: w.roads,
    status: 'routed',
    received_on: received,
    ack_due_on: addDays(received, 15),
    answer_due_on: addDays(received, 60),
    acknowledged_on: acknowledged ? received : null,
    ...extra,
  });
}

describe('the legal clocks through merge, close and reopen', () => {
  it('gives the target of a merge the earliest deadlines of the cases merged into it', () => {
    signInAs(t, 'clerk');
    const old = roadsCase(58, true);
    const target = roadsCase(0, true);
    signInAs(t, 'head');
    t.ok('cases:merge', { targetId: target.id, sourceIds: [old.id] });
    const merged = get(target.id);
    // The oldest citizen is owed an answer in 2 days: so is the case that now answers for them.
    // Both were acknowledged: that deadline is met, whatever its date.
    expect(merged).toMatchObject({
      answerDueOn: addDays(today(), 2),
      ackDueOn: addDays(today(), 15),
      acknowledgedOn: today(),
      nextDueOn: addDays(today(), 2),
      daysLeft: 2,
    });
    expect(merged.events.at(-1)).toMatchObject({
      type: 'merged_from',
      detail: {
        sourceId: old.id,
        clockFromSource: true,
        answerDueOn: addDays(today(), 2),
        ackDueOn: addDays(today(), 15),
        acknowledgedOn: today(),
      },
    });
    expect(t.ok('complaints:viewCounts', {}).at_risk).toBe(1);
  });

  it('owes the acknowledgement after a merge unless every case merged was acknowledged', () => {
    signInAs(t, 'clerk');
    const unacknowledged = roadsCase(20, false);
    const acknowledged = roadsCase(10, true);
    const target = roadsCase(1, true);
    signInAs(t, 'head');
    t.ok('cases:merge', { targetId: target.id, sourceIds: [acknowledged.id, unacknowledged.id] });
    expect(get(target.id)).toMatchObject({
      acknowledgedOn: null,
      ackDueOn: addDays(today(), -5),
      dueKind: 'acknowledgement',
      daysLeft: -5,
    });
    expect(t.ok('complaints:viewCounts', {}).overdue).toBe(1);
  });

  it('owes the acknowledgement by the deadline of the case that owes it, not one already met', () => {
    signInAs(t, 'clerk');
    const target = roadsCase(30, true);
    const fresh = roadsCase(1, false);
    signInAs(t, 'head');
    t.ok('cases:merge', { targetId: target.id, sourceIds: [fresh.id] });
    expect(get(target.id)).toMatchObject({
      acknowledgedOn: null,
      ackDueOn: addDays(today(), 14),
      answerDueOn: addDays(today(), 30),
      dueKind: 'acknowledgement',
      daysLeft: 14,
    });
    expect(t.ok('complaints:viewCounts', {}).overdue).toBe(0);
  });

  it('leaves the clock of a target older than its sources as it was, and says nothing of it', () => {
    signInAs(t, 'clerk');
    const target = roadsCase(30, true);
    const newer = roadsCase(2, true);
    const before = get(target.id);
    signInAs(t, 'head');
    t.ok('cases:merge', { targetId: target.id, sourceIds: [newer.id] });
    const after = get(target.id);
    expect(after).toMatchObject({
      ackDueOn: before.ackDueOn,
      answerDueOn: before.answerDueOn,
      acknowledgedOn: before.acknowledgedOn,
    });
    expect(after.events.at(-1)?.detail).toEqual({ sourceId: newer.id });
  });

  it('keeps the original answer clock when a case closed without an answer is reopened', () => {
    signInAs(t, 'clerk');
    const late = roadsCase(80, true);
    signInAs(t, 'head');
    t.ok('cases:close', { id: late.id, resolution: 'أغلق مؤقتا في انتظار التدخل.' });
    t.ok('cases:reopen', { id: late.id, reason: 'لم يتم أي تدخل بعد.' });
    expect(get(late.id)).toMatchObject({
      status: 'routed',
      answerDueOn: addDays(today(), -20),
      daysLeft: -20,
    });
    expect(t.ok('complaints:viewCounts', {}).overdue).toBe(1);
  });

  it('restarts the answer clock when an answered case is reopened', () => {
    signInAs(t, 'clerk');
    const answered = roadsCase(80, true, {
      status: 'answered',
      answered_on: addDays(today(), -30),
    });
    signInAs(t, 'head');
    t.ok('cases:reopen', { id: answered.id, reason: 'عاد العمود للسقوط.' });
    expect(get(answered.id)).toMatchObject({
      answeredOn: null,
      answerDueOn: addDays(today(), 60),
      daysLeft: 60,
    });
  });

  it('reopens a case whose reply is still with the head as waiting on that reply', () => {
    signInAs(t, 'clerk');
    const { id } = roadsCase(3, true);
    t.ok('cases:assign', { ids: [id], assigneeId: w.users.clerk });
    const { replyId } = t.ok('cases:saveReply', { id, language: 'ar', body: replyBody });
    t.ok('cases:submitReply', { replyId });
    // Closed by a change from another PC written before this rule (sync keeps it as it came).
    t.core.runInTransaction('mutation', (ctx) =>
      ctx.write.update(complaintsTable, id, {
        status: 'closed',
        closed_on: today(),
        resolution: 'أغلق خطأ.',
      }),
    );
    signInAs(t, 'head');
    t.ok('cases:reopen', { id, reason: 'أغلق عن طريق الخطأ.' });
    expect(get(id).status).toBe('awaiting_approval');
    expect(t.ok('complaints:viewCounts', {}).awaiting_approval).toBe(1);
    t.ok('cases:reviewReply', { replyId, decision: 'approve' });
    expect(get(id).status).toBe('approved');
  });
});

describe('the call owed on an urgent case', () => {
  it('is owed again once the case is reopened', () => {
    signInAs(t, 'clerk');
    const { id } = roadsCase(2, true, { urgent: true });
    t.ok('cases:markCalled', { id });
    signInAs(t, 'head');
    t.ok('cases:close', { id, resolution: 'تم إصلاح العمود.' });
    t.clock.advance(10 * day);
    signInAs(t, 'head');
    t.ok('cases:reopen', { id, reason: 'العمود سقط مجددا.' });
    expect(get(id)).toMatchObject({ calledOn: null, callToday: true });
  });

  it('is owed again when triage makes the case urgent, not when it stays urgent', () => {
    signInAs(t, 'clerk');
    const { id } = roadsCase(2, true, { urgent: true });
    t.ok('cases:markCalled', { id });
    const triage = {
      id,
      kind: 'complaint' as const,
      categoryId: w.category,
      district: 'حي السلام',
      location: null,
    };
    t.ok('cases:triage', { ...triage, urgent: true, location: 'قرب المدرسة' });
    expect(get(id)).toMatchObject({ calledOn: today(), callToday: false });
    t.ok('cases:triage', { ...triage, urgent: false });
    t.ok('cases:triage', { ...triage, urgent: true });
    const detail = get(id);
    expect(detail).toMatchObject({ calledOn: null, callToday: true });
    expect(detail.events.at(-1)?.detail).toEqual({ fields: 'urgent', urgent: true });
  });
});
