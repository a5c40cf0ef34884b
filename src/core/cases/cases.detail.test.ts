import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays, communeToday } from '../../shared/complaints/legal-clock';
import { createTestCore, type TestCore } from '../testing/test-core';
import { insertTestComplaint, setUpCaseWorld, signInAs, type CaseWorld } from './case-fixture';

let t: TestCore;
let w: CaseWorld;
beforeEach(() => {
  t = createTestCore();
  w = setUpCaseWorld(t);
});
afterEach(() => t.dispose());

const today = () => communeToday(new Date(t.clock.ms));
const get = (id: string) => t.ok('cases:get', { id });
const scan = Buffer.from('%PDF-1.7\n% scan of the citizen letter\n');
const upload = { fileName: 'رسالة المواطنة.pdf', mimeType: 'application/pdf' as const };

function viewsOf(id: string) {
  signInAs(t, 'director');
  return t.ok('audit:list', { page: 0, pageSize: 50, action: 'personal-data.view', rowId: id })
    .rows;
}

describe('the case page', () => {
  it('masks the CIN for a clerk and shows it in full to a head and the president', () => {
    signInAs(t, 'clerk');
    const { id } = insertTestComplaint(t, w);
    const { id: withoutCin } = insertTestComplaint(t, w, { citizen_cin: null });
    expect(get(id)).toMatchObject({ citizenCin: 'L•••••56', citizenCinMasked: true });
    expect(get(withoutCin)).toMatchObject({ citizenCin: null, citizenCinMasked: false });
    for (const reader of ['head', 'president'] as const) {
      signInAs(t, reader);
      expect(get(id)).toMatchObject({ citizenCin: 'LB123456', citizenCinMasked: false });
    }
  });

  it('audits each opening: who saw whose data, with ids only', () => {
    signInAs(t, 'clerk');
    const { id } = insertTestComplaint(t, w);
    get(id);
    signInAs(t, 'head');
    get(id);
    const views = viewsOf(id);
    expect(views.map((view) => view.userId).sort()).toEqual([w.users.clerk, w.users.head].sort());
    expect(views.find((view) => view.userId === w.users.head)).toMatchObject({
      tableName: 'complaints',
      detail: { cin: 'full', mergedCitizens: [] },
    });
    expect(views.find((view) => view.userId === w.users.clerk)?.detail).toMatchObject({
      cin: 'masked',
    });
    const everything = JSON.stringify(
      t.core.database().prepare('SELECT detail FROM audit_log').all(),
    );
    expect(everything).not.toContain('LB123456');
    expect(everything).not.toContain('فاطمة');
  });

  it('audits a reading once per ten minutes, not every refetch after a sync', () => {
    signInAs(t, 'clerk');
    const { id } = insertTestComplaint(t, w);
    const { id: other } = insertTestComplaint(t, w);
    for (let refetch = 0; refetch < 5; refetch += 1) {
      get(id);
      t.clock.advance(60_000);
    }
    get(other);
    const clerkViews = () => viewsOf(id).filter((view) => view.userId === w.users.clerk);
    expect(clerkViews()).toHaveLength(1);
    expect(viewsOf(other)).toHaveLength(1);
    signInAs(t, 'head');
    get(id);
    expect(viewsOf(id).filter((view) => view.userId === w.users.head)).toHaveLength(1);
    signInAs(t, 'clerk');
    t.clock.advance(5 * 60_000);
    get(id);
    expect(clerkViews()).toHaveLength(2);
  });

  it('audits at once a reading that shows more than the last one', () => {
    signInAs(t, 'clerk');
    const routed = { department_id: w.roads, status: 'routed' } as const;
    const { id: target } = insertTestComplaint(t, w, routed);
    const { id: duplicate } = insertTestComplaint(t, w, routed);
    get(target);
    signInAs(t, 'head');
    t.ok('cases:merge', { targetId: target, sourceIds: [duplicate] });
    signInAs(t, 'clerk');
    get(target);
    const clerkViews = viewsOf(target).filter((view) => view.userId === w.users.clerk);
    expect(clerkViews.map((view) => view.detail)).toEqual(
      expect.arrayContaining([
        { cin: 'masked', mergedCitizens: [] },
        { cin: 'masked', mergedCitizens: [duplicate] },
      ]),
    );
  });

  it('counts the days left to the acknowledgement, then to the answer', () => {
    signInAs(t, 'clerk');
    const { id } = insertTestComplaint(t, w, { urgent: true });
    expect(get(id)).toMatchObject({
      ackDueOn: addDays(today(), 13),
      nextDueOn: addDays(today(), 13),
      dueKind: 'acknowledgement',
      daysLeft: 13,
      callToday: true,
    });
    t.ok('cases:acknowledge', { id, on: today() });
    t.ok('cases:markCalled', { id, note: 'أخبرت المواطنة بأن الفرقة في الطريق.' });
    const acknowledged = get(id);
    expect(acknowledged).toMatchObject({
      acknowledgedOn: today(),
      calledOn: today(),
      callToday: false,
      dueKind: 'answer',
      daysLeft: 58,
    });
    expect(acknowledged.events.slice(1)).toMatchObject([
      { type: 'acknowledged', detail: { on: today() } },
      { type: 'called', body: 'أخبرت المواطنة بأن الفرقة في الطريق.' },
    ]);
    t.clock.advance(70 * 86_400_000);
    signInAs(t, 'clerk');
    expect(get(id).daysLeft).toBe(-12);
  });

  it('keeps attachments: available while the file is here, FILE_MISSING when not', () => {
    signInAs(t, 'clerk');
    const { id } = insertTestComplaint(t, w);
    t.ok('cases:addAttachment', { id, file: { ...upload, dataBase64: scan.toString('base64') } });
    const [attachment] = get(id).attachments;
    expect(attachment).toMatchObject({
      fileName: 'رسالة المواطنة.pdf',
      mimeType: 'application/pdf',
      size: scan.length,
      available: true,
    });
    expect(get(id).events.at(-1)).toEqual(
      expect.objectContaining({
        type: 'attachment_added',
        detail: { attachmentId: attachment!.id },
      }),
    );
    const file = t.ok('cases:attachment', { id: attachment!.id });
    expect(Buffer.from(file.dataBase64, 'base64').equals(scan)).toBe(true);

    rmSync(join(t.dataDir, 'files', attachment!.sha256.slice(0, 2), attachment!.sha256));
    expect(get(id).attachments[0]?.available).toBe(false);
    expect(t.call('cases:attachment', { id: attachment!.id })).toMatchObject({
      ok: false,
      error: { code: 'FILE_MISSING' },
    });
    const exe = Buffer.from('MZ\x90\x00 this program cannot be run in DOS mode');
    expect(
      t.call('cases:addAttachment', {
        id,
        file: { ...upload, dataBase64: exe.toString('base64') },
      }),
    ).toMatchObject({ ok: false, error: { code: 'FILE_TYPE_NOT_ALLOWED' } });
    expect(get(id).attachments).toHaveLength(1);
    expect(viewsOf(attachment!.id)).toHaveLength(1);
  });

  it('records triage: the fields changed, codes not text, nothing when nothing changed', () => {
    signInAs(t, 'clerk');
    const { id } = insertTestComplaint(t, w);
    const triage = {
      id,
      kind: 'observation' as const,
      urgent: true,
      categoryId: w.otherCategory,
      district: 'حي السلام',
      location: 'قرب مدرسة ابن خلدون',
    };
    t.ok('cases:triage', triage);
    t.ok('cases:triage', triage);
    const detail = get(id);
    expect(detail).toMatchObject({
      kind: 'observation',
      urgent: true,
      categoryId: w.otherCategory,
      location: 'قرب مدرسة ابن خلدون',
    });
    expect(detail.events.filter((event) => event.type === 'triaged')).toEqual([
      expect.objectContaining({
        detail: {
          fields: 'kind,urgent,categoryId,location',
          kind: 'observation',
          urgent: true,
          categoryId: w.otherCategory,
        },
      }),
    ]);
  });

  it('rerouting lets go of an assignee from another department and keeps a reply in review', () => {
    signInAs(t, 'clerk');
    const { id } = insertTestComplaint(t, w);
    t.ok('cases:route', { ids: [id], departmentId: w.roads });
    t.ok('cases:assign', { ids: [id], assigneeId: w.users.clerk2 });
    signInAs(t, 'head');
    t.ok('cases:route', { ids: [id], departmentId: w.lighting });
    const rerouted = get(id);
    expect(rerouted).toMatchObject({
      departmentId: w.lighting,
      assigneeId: null,
      status: 'routed',
    });
    expect(rerouted.events.at(-1)?.detail).toEqual({
      departmentId: w.lighting,
      previousDepartmentId: w.roads,
      unassignedId: w.users.clerk2,
    });

    t.ok('cases:assign', { ids: [id], assigneeId: w.users.lampclerk });
    const { replyId } = t.ok('cases:saveReply', {
      id,
      language: 'fr',
      body: 'Nous vous informons que le lampadaire a été réparé.',
    });
    t.ok('cases:submitReply', { replyId });
    t.ok('cases:route', { ids: [id], departmentId: w.roads });
    expect(get(id)).toMatchObject({ status: 'awaiting_approval', assigneeId: null });
  });

  it('an unrouted case joins its assignee’s department', () => {
    signInAs(t, 'head');
    const { id } = insertTestComplaint(t, w);
    t.ok('cases:assign', { ids: [id], assigneeId: w.users.lampclerk });
    expect(get(id)).toMatchObject({
      status: 'in_progress',
      departmentId: w.lighting,
      assigneeId: w.users.lampclerk,
    });
  });

  it('lets the director note and close a case; the president only reads', () => {
    signInAs(t, 'clerk');
    const { id } = insertTestComplaint(t, w);
    signInAs(t, 'director');
    t.ok('cases:addNote', { id, body: 'يتابع المدير هذا الملف شخصيا.' });
    t.ok('cases:close', { id, resolution: 'تمت المعالجة.' });
    expect(get(id)).toMatchObject({ status: 'closed', closedOn: today() });
    signInAs(t, 'president');
    expect(t.call('cases:addNote', { id, body: 'ملاحظة' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
