import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, communeToday } from '../../shared/complaints/legal-clock';
import { complaintEventsTable } from '../../shared/tables/complaints.tables';
import { requireUser } from '../handler-context';
import { createTestCore, type TestCore } from '../testing/test-core';
import { insertTestComplaint, setUpCaseWorld, signInAs, type CaseWorld } from './case-fixture';

let t: TestCore;
let w: CaseWorld;
beforeEach(() => {
  t = createTestCore();
  w = setUpCaseWorld(t);
});
afterEach(() => t.dispose());

const minute = 60_000;
const today = () => communeToday(new Date(t.clock.ms));
const get = (id: string) => t.ok('cases:get', { id });
const replyBody = 'نحيطكم علما بأن مصالح الجماعة تدخلت لإصلاح عمود الإنارة.';

describe('a case from receipt to reopening', () => {
  it('is routed, assigned, noted, answered after a return and an approval, closed and reopened', () => {
    signInAs(t, 'clerk');
    const { id } = insertTestComplaint(t, w);
    const step = () => t.clock.advance(minute);

    step();
    expect(t.ok('cases:route', { ids: [id], departmentId: w.roads })).toEqual({ updated: 1 });
    expect(get(id)).toMatchObject({ status: 'routed', departmentId: w.roads, assigneeId: null });

    step();
    expect(t.ok('cases:assign', { ids: [id], assigneeId: w.users.clerk2 })).toEqual({
      updated: 1,
    });
    expect(get(id)).toMatchObject({
      status: 'in_progress',
      assigneeId: w.users.clerk2,
      assigneeName: 'يوسف الريفي',
    });

    step();
    t.ok('cases:addNote', { id, body: 'اتصلت بمصلحة الإنارة، الفرقة ستتدخل غدا.' });

    step();
    const { replyId } = t.ok('cases:saveReply', { id, language: 'ar', body: replyBody });
    step();
    t.ok('cases:submitReply', { replyId });
    expect(get(id)).toMatchObject({
      status: 'awaiting_approval',
      replies: [{ id: replyId, status: 'submitted', draftedByName: 'سعاد البقالي' }],
    });

    signInAs(t, 'head');
    step();
    t.ok('cases:reviewReply', {
      replyId,
      decision: 'return',
      comment: 'يرجى ذكر تاريخ التدخل.',
    });
    expect(get(id)).toMatchObject({
      status: 'in_progress',
      replies: [{ status: 'returned', reviewComment: 'يرجى ذكر تاريخ التدخل.' }],
    });

    signInAs(t, 'clerk');
    step();
    const edited = `${replyBody} وقد تم التدخل يوم 29 نونبر.`;
    expect(t.ok('cases:saveReply', { id, replyId, language: 'ar', body: edited })).toEqual({
      replyId,
    });
    step();
    t.ok('cases:submitReply', { replyId });

    signInAs(t, 'head');
    step();
    t.ok('cases:reviewReply', { replyId, decision: 'approve' });
    expect(get(id)).toMatchObject({
      status: 'approved',
      replies: [
        {
          status: 'approved',
          body: edited,
          reviewedBy: w.users.head,
          reviewedByName: 'نادية الوزاني',
        },
      ],
    });

    signInAs(t, 'clerk');
    step();
    t.ok('cases:deliverReply', { replyId, method: 'letter', on: today() });
    expect(get(id)).toMatchObject({
      status: 'answered',
      answeredOn: today(),
      nextDueOn: null,
      dueKind: null,
      daysLeft: null,
      replies: [{ status: 'delivered', delivery: 'letter', deliveredOn: today() }],
    });

    step();
    t.ok('cases:close', { id, resolution: 'تم إصلاح العمود وإخبار المواطنة.' });
    expect(get(id)).toMatchObject({
      status: 'closed',
      closedOn: today(),
      resolution: 'تم إصلاح العمود وإخبار المواطنة.',
    });

    t.clock.advance(70 * 86_400_000);
    signInAs(t, 'head');
    t.ok('cases:reopen', { id, reason: 'عاد العمود للسقوط.' });
    const reopened = get(id);
    expect(reopened).toMatchObject({
      status: 'in_progress',
      answeredOn: null,
      closedOn: null,
      resolution: null,
      answerDueOn: addDays(today(), 60),
      // Acknowledged? No: the acknowledgement is still owed, and long overdue.
      dueKind: 'acknowledgement',
    });
    expect(reopened.events.map((event) => event.type)).toEqual([
      'received',
      'routed',
      'assigned',
      'note',
      'reply_drafted',
      'reply_submitted',
      'reply_returned',
      'reply_drafted',
      'reply_submitted',
      'reply_approved',
      'reply_delivered',
      'closed',
      'reopened',
    ]);
    const byType = (type: string) => reopened.events.filter((event) => event.type === type);
    expect(byType('routed')[0]).toMatchObject({
      userName: 'سعاد البقالي',
      detail: { departmentId: w.roads, previousDepartmentId: null },
    });
    expect(byType('assigned')[0]?.detail).toMatchObject({ assigneeId: w.users.clerk2 });
    expect(byType('reply_returned')[0]).toMatchObject({
      userId: w.users.head,
      userName: 'نادية الوزاني',
      body: 'يرجى ذكر تاريخ التدخل.',
      detail: { replyId },
    });
    expect(byType('reply_drafted')[1]?.detail).toEqual({ replyId, revised: true });
    expect(byType('reply_delivered')[0]?.detail).toEqual({ replyId, method: 'letter' });
    expect(byType('reopened')[0]?.body).toBe('عاد العمود للسقوط.');
    // Notes stay internal: the reply's text never holds them, the timeline does.
    expect(byType('note')[0]?.body).toContain('الفرقة ستتدخل غدا');
    expect(reopened.replies[0]?.body).not.toContain('الفرقة');
  });

  it('opens a case registered at intake and takes it from there', () => {
    signInAs(t, 'clerk');
    const scan = Buffer.from('%PDF-1.7\n% letter\n').toString('base64');
    const { id, localNumber } = t.ok('complaints:create', {
      kind: 'complaint',
      channel: 'letter',
      urgent: true,
      receivedOn: today(),
      citizenName: 'عبد السلام الطنجاوي',
      citizenPhone: '٠٦٦١٢٢٣٣٤٤',
      citizenEmail: null,
      citizenAddress: null,
      citizenCin: 'K 445566',
      subject: 'بالوعة مفتوحة في الشارع الرئيسي',
      description: 'بالوعة مفتوحة بدون غطاء قرب السوق المركزي، خطر على المارة.',
      district: 'حي المناكيب',
      location: null,
      categoryId: w.category,
      attachments: [{ fileName: 'رسالة.pdf', mimeType: 'application/pdf', dataBase64: scan }],
    });
    const opened = get(id);
    expect(opened).toMatchObject({
      localNumber,
      citizenPhone: '0661223344',
      citizenCin: 'K••••66',
      citizenCinMasked: true,
      callToday: true,
      attachments: [{ fileName: 'رسالة.pdf', available: true }],
    });
    expect(opened.events[0]?.type).toBe('received');
    // Intake routes by the category: roads.
    expect(opened.departmentId).toBe(w.roads);
    t.ok('cases:assign', { ids: [id], assigneeId: w.users.clerk2 });
    t.ok('cases:markCalled', { id });
    expect(get(id)).toMatchObject({ status: 'in_progress', callToday: false });
  });

  it('answers the citizens of every case merged into the one answered', () => {
    signInAs(t, 'clerk');
    // Routed to roads: only whoever leads both cases merges them.
    const roads = { department_id: w.roads, status: 'routed' as const };
    const target = insertTestComplaint(t, w, { ...roads, received_on: addDays(today(), -5) });
    const first = insertTestComplaint(t, w, {
      ...roads,
      received_on: addDays(today(), -4),
      citizen_name: 'محمد الإدريسي',
      citizen_phone: '0661223344',
    });
    const second = insertTestComplaint(t, w, {
      ...roads,
      received_on: addDays(today(), -3),
      citizen_name: 'خديجة المرابط',
      citizen_cin: null,
    });
    signInAs(t, 'head');
    // The second joins the first, then the first joins the target: both get its answer.
    expect(t.ok('cases:merge', { targetId: first.id, sourceIds: [second.id] })).toEqual({
      updated: 1,
    });
    expect(t.ok('cases:merge', { targetId: target.id, sourceIds: [first.id] })).toEqual({
      updated: 1,
    });
    const merged = get(first.id);
    expect(merged).toMatchObject({
      status: 'merged',
      mergedInto: { id: target.id, number: target.localNumber },
      nextDueOn: null,
    });
    expect(merged.events.map((event) => event.type)).toEqual([
      'received',
      'merged_from',
      'merged_into',
    ]);
    expect(get(target.id).citizens.map((citizen) => [citizen.complaintId, citizen.name])).toEqual([
      [target.id, 'فاطمة الزهراء العلمي'],
      [first.id, 'محمد الإدريسي'],
      [second.id, 'خديجة المرابط'],
    ]);

    t.ok('cases:route', { ids: [target.id], departmentId: w.roads });
    t.ok('cases:assign', { ids: [target.id], assigneeId: w.users.clerk });
    const { replyId } = t.ok('cases:saveReply', { id: target.id, language: 'ar', body: replyBody });
    t.ok('cases:submitReply', { replyId });
    t.ok('cases:reviewReply', { replyId, decision: 'approve' });
    signInAs(t, 'clerk');
    t.ok('cases:deliverReply', { replyId, method: 'phone', on: today() });

    expect(get(target.id)).toMatchObject({ status: 'answered', answeredOn: today() });
    for (const { id } of [first, second]) {
      const answered = get(id);
      expect(answered).toMatchObject({ status: 'merged', answeredOn: today() });
      expect(answered.events.at(-1)).toMatchObject({
        type: 'reply_delivered',
        detail: { replyId, method: 'phone', viaCaseId: target.id },
      });
    }
  });

  it('orders the timeline by time, then in the order this PC recorded it', () => {
    signInAs(t, 'head');
    const { id } = insertTestComplaint(t, w);
    // The same instant for all: the order is the order of the actions.
    t.ok('cases:route', { ids: [id], departmentId: w.roads });
    t.ok('cases:addNote', { id, body: 'الأولى' });
    t.ok('cases:addNote', { id, body: 'الثانية' });
    t.ok('cases:assign', { ids: [id], assigneeId: w.users.clerk });
    t.clock.advance(minute);
    t.ok('cases:addNote', { id, body: 'الثالثة' });
    // An event written on another PC an hour ago arrives now (as sync would write it).
    const earlier = new Date(t.clock.ms - 60 * minute).toISOString();
    t.core.runInTransaction('mutation', (ctx) =>
      ctx.write.insert(complaintEventsTable, {
        complaint_id: id,
        at: earlier,
        user_id: requireUser(ctx).id,
        type: 'note',
        detail: null,
        body: 'من حاسوب آخر',
      }),
    );
    expect(get(id).events.map((event) => event.body ?? event.type)).toEqual([
      'من حاسوب آخر',
      'received',
      'routed',
      'الأولى',
      'الثانية',
      'assigned',
      'الثالثة',
    ]);
  });
});
