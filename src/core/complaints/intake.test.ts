import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/api/contract';
import { maxAttachmentBytes } from '../../shared/complaints/complaint-values';
import { createTestCore, setUpAdmin, signInWithRoles, type TestCore } from '../testing/test-core';
import {
  categoryId,
  countRows,
  createStaff,
  intakeInput,
  signInAs,
  tinyPdf,
  tinyPng,
} from './complaint-fixtures';

let t: TestCore;
let lighting: string;
beforeEach(() => {
  t = createTestCore();
  setUpAdmin(t);
  lighting = categoryId(t, 'الإنارة العمومية');
});
afterEach(() => t.dispose());

const synced = ['complaints', 'complaint_events', 'complaint_attachments', 'changes', 'audit_log'];
const snapshot = () => ({
  ...Object.fromEntries(synced.map((table) => [table, countRows(t, table)])),
  meta: t.core.database().prepare('SELECT key, value FROM local_meta ORDER BY key').all(),
});

interface StoredComplaint {
  local_number: string;
  citizen_phone: string | null;
  citizen_cin: string | null;
  status: string;
  department_id: string | null;
  assignee_id: string | null;
  ack_due_on: string;
  answer_due_on: string;
  acknowledged_on: string | null;
  created_by: string;
  description: string;
}

const stored = (id: string) =>
  t.core.database().prepare('SELECT * FROM complaints WHERE id = ?').get(id) as StoredComplaint;

const eventsOf = (id: string) =>
  (
    t.core
      .database()
      .prepare('SELECT type, detail FROM complaint_events WHERE complaint_id = ? ORDER BY rowid')
      .all(id) as { type: string; detail: string }[]
  ).map((event) => ({ type: event.type, detail: JSON.parse(event.detail) as unknown }));

describe('complaints:create', () => {
  it('registers an Arabic complaint received in person, routed and assigned by its category', () => {
    const department = t.ok('departments:create', {
      nameAr: 'قسم الإنارة العمومية',
      nameFr: 'Éclairage public',
    });
    const clerkId = createStaff(t, 'nadia', ['clerk'], department.id);
    t.ok('categories:update', {
      ...t.ok('categories:list', {}).find((c) => c.id === lighting)!,
      departmentId: department.id,
      defaultAssigneeId: clerkId,
    });
    signInAs(t, 'nadia');

    const created = t.ok(
      'complaints:create',
      intakeInput(lighting, {
        channel: 'in_person',
        urgent: true,
        receivedOn: '2026-11-30',
        citizenName: 'فاطمة الزهراء بنعلي',
        citizenPhone: '٠٦ ١٢ ٣٤ ٥٦ ٧٨',
        citizenCin: 'ab 123456',
        subject: 'عمود إنارة سقط في زنقة المسيرة',
        description: 'سقط عمود الإنارة العمومية ليلة أمس وأسلاكه مكشوفة قرب المدرسة.',
        district: 'حي المسيرة',
        attachments: [
          {
            fileName: 'صورة العمود.png',
            mimeType: 'image/png',
            dataBase64: tinyPng.toString('base64'),
          },
        ],
      }),
    );

    expect(created.localNumber).toMatch(/^PC[0-9A-F]{4}-2026-0001$/);
    const row = stored(created.id);
    expect(row).toMatchObject({
      local_number: created.localNumber,
      citizen_phone: '0612345678',
      citizen_cin: 'AB123456',
      status: 'in_progress',
      department_id: department.id,
      assignee_id: clerkId,
      ack_due_on: '2026-12-15',
      answer_due_on: '2027-01-29',
      acknowledged_on: '2026-11-30',
      created_by: clerkId,
    });
    expect(eventsOf(created.id).map((event) => event.type)).toEqual([
      'received',
      'acknowledged',
      'routed',
      'assigned',
      'attachment_added',
    ]);
    expect(eventsOf(created.id)[3]?.detail).toEqual({ assigneeId: clerkId, automatic: true });

    const attachment = t.core
      .database()
      .prepare('SELECT * FROM complaint_attachments WHERE complaint_id = ?')
      .get(created.id) as { sha256: string; size: number; mime_type: string; added_by: string };
    expect(attachment).toMatchObject({
      size: tinyPng.length,
      mime_type: 'image/png',
      added_by: clerkId,
    });
    expect(
      existsSync(join(t.dataDir, 'files', attachment.sha256.slice(0, 2), attachment.sha256)),
    ).toBe(true);
    // Every column went through the change log, to be synced.
    const changed = t.core
      .database()
      .prepare("SELECT count(*) AS n FROM changes WHERE tbl = 'complaints' AND row_id = ?")
      .get(created.id) as { n: number };
    expect(changed.n).toBeGreaterThan(20);
  });

  it('leaves a case in received when the category routes nowhere, and a former assignee out', () => {
    const departed = createStaff(t, 'omar', ['clerk']);
    t.ok('categories:update', {
      ...t.ok('categories:list', {}).find((c) => c.id === lighting)!,
      defaultAssigneeId: departed,
    });
    t.ok('users:setActive', { id: departed, active: false });
    signInWithRoles(t, ['clerk'], 'karim');
    const created = t.ok('complaints:create', intakeInput(lighting, { channel: 'letter' }));
    expect(stored(created.id)).toMatchObject({
      status: 'received',
      department_id: null,
      assignee_id: null,
      acknowledged_on: null,
    });
    expect(eventsOf(created.id).map((event) => event.type)).toEqual(['received']);
  });

  describe('refuses bad input and saves nothing', () => {
    beforeEach(() => {
      signInWithRoles(t, ['clerk'], 'karim');
    });

    type Case = [
      label: string,
      input: () => InputOf<'complaints:create'>,
      code: string,
      fields?: object,
    ];
    const cases: Case[] = [
      [
        'an empty subject',
        () => intakeInput(lighting, { subject: '  ' }),
        'VALIDATION',
        { subject: 'too_small' },
      ],
      [
        'an empty name',
        () => intakeInput(lighting, { citizenName: '' }),
        'VALIDATION',
        { citizenName: 'too_small' },
      ],
      [
        'an oversized description',
        () => intakeInput(lighting, { description: 'ش'.repeat(5001) }),
        'VALIDATION',
        { description: 'too_big' },
      ],
      [
        'a phone number that is not one',
        () => intakeInput(lighting, { citizenPhone: '12' }),
        'VALIDATION',
        { citizenPhone: 'invalid_format' },
      ],
      [
        'a receipt date in the future (Morocco is already on 1 December)',
        () => intakeInput(lighting, { receivedOn: '2026-12-01' }),
        'VALIDATION',
        { receivedOn: 'in_future' },
      ],
      [
        'a receipt date before the register',
        () => intakeInput(lighting, { receivedOn: '2017-12-31' }),
        'VALIDATION',
        { receivedOn: 'too_old' },
      ],
      [
        'an unknown category',
        () => intakeInput('01970000-ca7e-7000-8000-0000000000ff'),
        'VALIDATION',
        { categoryId: 'not_found' },
      ],
      [
        'an unsupported file type',
        () =>
          intakeInput(lighting, {
            attachments: [
              {
                fileName: 'setup.exe',
                mimeType: 'application/x-msdownload' as never,
                dataBase64: 'TVqQAA==',
              },
            ],
          }),
        'VALIDATION',
        { 'attachments.0.mimeType': 'invalid_value' },
      ],
      [
        'a program renamed as a PDF, after a good file',
        () =>
          intakeInput(lighting, {
            attachments: [
              {
                fileName: 'scan.pdf',
                mimeType: 'application/pdf',
                dataBase64: tinyPdf.toString('base64'),
              },
              {
                fileName: 'lettre.pdf',
                mimeType: 'application/pdf',
                dataBase64: 'TVqQAAMAAAAEAAAA',
              },
            ],
          }),
        'FILE_TYPE_NOT_ALLOWED',
      ],
      [
        'a file over 10 MB',
        () =>
          intakeInput(lighting, {
            attachments: [
              {
                fileName: 'scan.pdf',
                mimeType: 'application/pdf',
                dataBase64: Buffer.concat([
                  tinyPdf,
                  Buffer.alloc(maxAttachmentBytes + 1 - tinyPdf.length),
                ]).toString('base64'),
              },
            ],
          }),
        'FILE_TOO_LARGE',
      ],
      [
        'a 50 MB file',
        () =>
          intakeInput(lighting, {
            attachments: [
              {
                fileName: 'video.pdf',
                mimeType: 'application/pdf',
                dataBase64: Buffer.alloc(50 * 1024 * 1024).toString('base64'),
              },
            ],
          }),
        'VALIDATION',
        { 'attachments.0.dataBase64': 'too_big' },
      ],
    ];

    it.each(cases)('%s', (_label, input, code, fields) => {
      t.ok('complaints:create', intakeInput(lighting));
      const before = snapshot();
      const result = t.call('complaints:create', input());
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error, JSON.stringify(result.error)).toMatchObject({ code });
      if (fields) expect(result.error.fields).toMatchObject(fields);
      expect(snapshot()).toEqual(before);
    });

    it('refuses an inactive category', () => {
      signInAs(t, 'admin');
      const category = t.ok('categories:list', {}).find((c) => c.id === lighting)!;
      t.ok('categories:update', { ...category, active: false });
      signInAs(t, 'karim');
      const counted = snapshot();
      expect(t.call('complaints:create', intakeInput(lighting))).toMatchObject({
        ok: false,
        error: { code: 'CATEGORY_INACTIVE' },
      });
      expect(snapshot()).toEqual(counted);
    });
  });

  it('numbers per PC and per year of receipt, and never reuses a number', () => {
    signInWithRoles(t, ['clerk'], 'karim');
    const db = t.core.database();
    const deviceId = (
      db.prepare("SELECT value FROM local_meta WHERE key = 'device_id'").get() as {
        value: string;
      }
    ).value;
    const code = `PC${deviceId.slice(-4).toUpperCase()}`;
    expect(t.ok('complaints:create', intakeInput(lighting)).localNumber).toBe(`${code}-2026-0001`);
    expect(t.call('complaints:create', intakeInput(lighting, { subject: '' })).ok).toBe(false);
    expect(t.ok('complaints:create', intakeInput(lighting)).localNumber).toBe(`${code}-2026-0002`);
    // A letter of last December typed now counts in last year's sequence.
    expect(
      t.ok('complaints:create', intakeInput(lighting, { receivedOn: '2025-12-29' })).localNumber,
    ).toBe(`${code}-2025-0001`);

    // New year in Morocco, on UTC since 20 September 2026 (shared/calendar/moroccan-time.ts).
    t.clock.ms = Date.UTC(2027, 0, 1, 0, 30);
    signInAs(t, 'karim');
    expect(
      t.ok('complaints:create', intakeInput(lighting, { receivedOn: '2027-01-01' })).localNumber,
    ).toBe(`${code}-2027-0001`);

    // An administrator named this PC; a restored backup put the sequence behind the table.
    db.prepare("UPDATE local_meta SET value = 'PC03' WHERE key = 'pc_code'").run();
    expect(
      t.ok('complaints:create', intakeInput(lighting, { receivedOn: '2027-01-01' })).localNumber,
    ).toBe('PC03-2027-0002');
    db.prepare("UPDATE local_meta SET value = '0' WHERE key = 'complaint_seq_2027'").run();
    const next = () =>
      t.ok('complaints:create', intakeInput(lighting, { receivedOn: '2027-01-01' })).localNumber;
    expect(next()).toBe('PC03-2027-0001');
    expect(next()).toBe('PC03-2027-0003');
  });

  it('lets clerks and heads register; not the president, the director or an editor', () => {
    for (const roles of [['president'], ['director'], ['editor'], ['admin']] as const) {
      signInWithRoles(t, [...roles], `user${roles[0]}`);
      expect(t.call('complaints:create', intakeInput(lighting))).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
    signInWithRoles(t, ['head'], 'head1');
    expect(t.call('complaints:create', intakeInput(lighting)).ok).toBe(true);
    expect(countRows(t, 'complaints')).toBe(1);
  });
});
