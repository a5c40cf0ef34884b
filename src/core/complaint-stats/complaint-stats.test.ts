import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, setUpAdmin, type TestCore } from '../testing/test-core';
import {
  createStaff,
  insertCases,
  insertCategory,
  signInAs,
  tombstoneCase,
  type CaseSpec,
} from './stats-fixture';
import { statsSheetLabels } from './stats-sheet-labels';

let t: TestCore;
let lighting: string;
let roads: string;
let lightingDepartment: string;

/**
 * Seven cases received in 2026-01-01..2026-11-29, and three that must not count: one the day
 * before, one the day after, one deleted. Answered in 10, 30, 75 and 60 days; one merged case
 * answered in 2 days counts by status only.
 */
const register: readonly (Omit<CaseSpec, 'categoryId' | 'departmentId'> & {
  category: 'lighting' | 'roads';
  routed: boolean;
  deleted?: boolean;
})[] = [
  { receivedOn: '2026-01-01', category: 'lighting', routed: true, answeredOn: '2026-01-11' },
  {
    receivedOn: '2026-03-01',
    category: 'lighting',
    routed: true,
    answeredOn: '2026-03-31',
    status: 'closed',
  },
  {
    receivedOn: '2026-05-01',
    kind: 'observation',
    category: 'roads',
    routed: false,
    answeredOn: '2026-07-15',
  },
  {
    receivedOn: '2026-06-01',
    kind: 'suggestion',
    category: 'roads',
    routed: true,
    status: 'in_progress',
  },
  { receivedOn: '2026-11-29', category: 'lighting', routed: false },
  {
    receivedOn: '2026-02-01',
    category: 'lighting',
    routed: true,
    answeredOn: '2026-02-03',
    status: 'merged',
  },
  { receivedOn: '2026-08-01', category: 'roads', routed: true, answeredOn: '2026-09-30' },
  { receivedOn: '2025-12-31', category: 'lighting', routed: true, answeredOn: '2026-01-01' },
  { receivedOn: '2026-11-30', category: 'roads', routed: false },
  {
    receivedOn: '2026-04-01',
    category: 'roads',
    routed: true,
    answeredOn: '2026-04-06',
    deleted: true,
  },
];

const year = { from: '2026-01-01', to: '2026-11-29' };

beforeEach(() => {
  t = createTestCore();
  setUpAdmin(t);
  lightingDepartment = t.ok('departments:create', {
    nameAr: 'مصلحة الإنارة العمومية',
    nameFr: "Service de l'éclairage public",
  }).id;
  lighting = insertCategory(t, 'الإنارة العمومية', 'Éclairage public', lightingDepartment);
  roads = insertCategory(t, 'الطرق والأزقة', 'Voirie', null);
  createStaff(t, 'clerk1', ['clerk']);
  createStaff(t, 'head1', ['head']);
  createStaff(t, 'director1', ['director']);
  createStaff(t, 'president1', ['president']);
  signInAs(t, 'clerk1');
  const ids = insertCases(
    t,
    register.map(({ receivedOn, kind, status, answeredOn, category, routed }) => ({
      receivedOn,
      kind,
      status,
      answeredOn,
      categoryId: category === 'lighting' ? lighting : roads,
      departmentId: routed ? lightingDepartment : null,
    })),
  );
  register.forEach((spec, i) => {
    if (spec.deleted) tombstoneCase(t, ids[i]!);
  });
  signInAs(t, 'director1');
});
afterEach(() => t.dispose());

const countOf = (rows: { key: string; count: number }[], key: string) =>
  rows.find((row) => row.key === key)?.count;

describe('complaintStats:summary', () => {
  it('counts the period by kind, category, department and status', () => {
    const stats = t.ok('complaintStats:summary', year);
    expect(stats).toMatchObject({ ...year, total: 7 });
    expect(stats.byKind).toEqual([
      { key: 'complaint', count: 5 },
      { key: 'observation', count: 1 },
      { key: 'suggestion', count: 1 },
    ]);
    expect(stats.byCategory).toEqual([
      { key: lighting, count: 4 },
      { key: roads, count: 3 },
    ]);
    expect(stats.byDepartment).toEqual([
      { key: lightingDepartment, count: 5 },
      { key: 'none', count: 2 },
    ]);
    expect(stats.byStatus).toEqual([
      { key: 'received', count: 1 },
      { key: 'routed', count: 0 },
      { key: 'in_progress', count: 1 },
      { key: 'awaiting_approval', count: 0 },
      { key: 'approved', count: 0 },
      { key: 'answered', count: 3 },
      { key: 'closed', count: 1 },
      { key: 'merged', count: 1 },
    ]);
  });

  it('times the answers without the merged case: mean, median, share within 60 days', () => {
    // 10, 30, 60 and 75 days; the 60th day is still within the legal time.
    expect(t.ok('complaintStats:summary', year)).toMatchObject({
      answered: 4,
      meanDaysToAnswer: 43.75,
      medianDaysToAnswer: 45,
      shareAnsweredWithin60: 0.75,
    });
    // An odd count: 10, 30 and 75 days.
    expect(t.ok('complaintStats:summary', { from: '2026-01-01', to: '2026-06-30' })).toMatchObject({
      total: 5,
      answered: 3,
      meanDaysToAnswer: 115 / 3,
      medianDaysToAnswer: 30,
      shareAnsweredWithin60: 2 / 3,
    });
  });

  it('includes both ends of the period and nothing beyond', () => {
    const first = t.ok('complaintStats:summary', { from: '2026-01-01', to: '2026-01-01' });
    expect(first).toMatchObject({ total: 1, answered: 1, medianDaysToAnswer: 10 });
    const dayBefore = t.ok('complaintStats:summary', { from: '2025-12-31', to: '2025-12-31' });
    expect(dayBefore).toMatchObject({ total: 1, medianDaysToAnswer: 1 });
    const lastDays = t.ok('complaintStats:summary', { from: '2026-11-29', to: '2026-11-30' });
    expect(lastDays.total).toBe(2);
    expect(countOf(lastDays.byCategory, lighting)).toBe(1);
    expect(countOf(lastDays.byCategory, roads)).toBe(1);
  });

  it('counts a case registered through intake', () => {
    signInAs(t, 'clerk1');
    t.ok('complaints:create', {
      kind: 'suggestion',
      channel: 'website',
      urgent: false,
      receivedOn: '2026-11-20',
      citizenName: 'يوسف البقالي',
      citizenPhone: null,
      citizenEmail: null,
      citizenAddress: null,
      citizenCin: null,
      subject: 'اقتراح إحداث حديقة للأطفال',
      description: 'أقترح تهيئة الأرض الفارغة قرب المدرسة حديقة للأطفال بها كراسي وأشجار.',
      district: 'حي المرينة',
      location: null,
      categoryId: roads,
      attachments: [],
    });
    signInAs(t, 'head1');
    const stats = t.ok('complaintStats:summary', year);
    expect(stats.total).toBe(8);
    expect(countOf(stats.byKind, 'suggestion')).toBe(2);
    expect(countOf(stats.byCategory, roads)).toBe(4);
  });

  it('leaves deleted cases out', () => {
    const april = t.ok('complaintStats:summary', { from: '2026-04-01', to: '2026-04-30' });
    expect(april).toMatchObject({ total: 0, answered: 0 });
  });

  it('answers an empty period with zeros and no times', () => {
    const stats = t.ok('complaintStats:summary', { from: '2024-01-01', to: '2024-12-31' });
    expect(stats).toMatchObject({
      total: 0,
      answered: 0,
      meanDaysToAnswer: null,
      medianDaysToAnswer: null,
      shareAnsweredWithin60: null,
      byCategory: [],
      byDepartment: [],
    });
    expect(stats.byKind.every((row) => row.count === 0)).toBe(true);
  });

  it('refuses a period that ends before it starts', () => {
    expect(
      t.call('complaintStats:summary', { from: '2026-02-01', to: '2026-01-31' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { to: 'before_from' } },
    });
  });

  it('is for heads, the director and the president, not clerks or the administrator', () => {
    for (const username of ['head1', 'director1', 'president1']) {
      signInAs(t, username);
      expect(t.ok('complaintStats:summary', year).total).toBe(7);
      expect(t.call('complaintStats:export', { ...year, language: 'fr' }).ok).toBe(true);
    }
    for (const username of ['clerk1', 'admin']) {
      signInAs(t, username);
      expect(t.call('complaintStats:summary', year)).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
      expect(t.call('complaintStats:export', { ...year, language: 'ar' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    }
  });
});

async function readWorkbook(dataBase64: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(dataBase64, 'base64') as unknown as ArrayBuffer);
  return workbook;
}

/** The rows of a sheet as plain values, from the first column. */
function valuesOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('complaintStats:export', () => {
  it('writes an Arabic workbook, right to left, one sheet per breakdown', async () => {
    const file = t.ok('complaintStats:export', { ...year, language: 'ar' });
    expect(file.fileName).toBe('complaints-stats-2026-01-01-2026-11-29.xlsx');
    const workbook = await readWorkbook(file.dataBase64);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'ملخص',
      'حسب النوع',
      'حسب الصنف',
      'حسب المصلحة',
      'حسب الحالة',
    ]);
    for (const sheet of workbook.worksheets) expect(sheet.views[0]?.rightToLeft).toBe(true);

    const summary = valuesOf(workbook.getWorksheet('ملخص')!);
    expect(summary[0]).toEqual(['البيان', 'القيمة']);
    expect(summary).toContainEqual(['من تاريخ', '2026-01-01']);
    expect(summary).toContainEqual(['إلى تاريخ', '2026-11-29']);
    expect(summary).toContainEqual(['مجموع الحالات المسجلة', 7]);
    expect(summary).toContainEqual(['وسيط مدة الجواب (بالأيام)', 45]);
    expect(summary).toContainEqual(['نسبة الأجوبة داخل أجل 60 يوما', 0.75]);
    // The commune's date of the export (the test clock: 30 November 2026, 09:00 UTC).
    expect(summary).toContainEqual(['تاريخ الاستخراج', '2026-11-30']);

    const kinds = valuesOf(workbook.getWorksheet('حسب النوع')!);
    expect(kinds[0]).toEqual(['النوع', 'العدد', 'النسبة من المجموع']);
    expect(kinds[1]).toEqual(['شكاية', 5, 5 / 7]);
    expect(kinds.at(-1)).toEqual(['المجموع', 7, 1]);

    expect(valuesOf(workbook.getWorksheet('حسب الصنف')!).slice(1, 3)).toEqual([
      ['الإنارة العمومية', 4, 4 / 7],
      ['الطرق والأزقة', 3, 3 / 7],
    ]);
    expect(valuesOf(workbook.getWorksheet('حسب المصلحة')!).slice(1, 3)).toEqual([
      ['مصلحة الإنارة العمومية', 5, 5 / 7],
      ['غير موجهة بعد', 2, 2 / 7],
    ]);
    expect(valuesOf(workbook.getWorksheet('حسب الحالة')!)).toContainEqual(['مضمومة', 1, 1 / 7]);
  });

  it('writes a French workbook left to right, with French names', async () => {
    const file = t.ok('complaintStats:export', { ...year, language: 'fr' });
    const workbook = await readWorkbook(file.dataBase64);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Synthèse',
      'Par type',
      'Par catégorie',
      'Par service',
      'Par statut',
    ]);
    expect(workbook.worksheets[0]?.views[0]?.rightToLeft).toBe(false);
    expect(valuesOf(workbook.worksheets[0]!)[0]).toEqual(['Indicateur', 'Valeur']);
    expect(valuesOf(workbook.getWorksheet('Par catégorie')!)[1]).toEqual([
      'Éclairage public',
      4,
      4 / 7,
    ]);
    expect(valuesOf(workbook.getWorksheet('Par service')!)[1]?.[0]).toBe(
      "Service de l'éclairage public",
    );
  });

  it('exports an empty period with its headers and no times', async () => {
    const file = t.ok('complaintStats:export', {
      from: '2024-01-01',
      to: '2024-12-31',
      language: 'ar',
    });
    const summary = valuesOf((await readWorkbook(file.dataBase64)).worksheets[0]!);
    expect(summary).toContainEqual(['مجموع الحالات المسجلة', 0]);
    expect(summary.find((row) => row[0] === 'متوسط مدة الجواب (بالأيام)')).toHaveLength(1);
  });
});

describe('workbook labels', () => {
  it('name kinds and statuses as the screens do', () => {
    for (const language of ['ar', 'fr'] as const) {
      const screens = JSON.parse(
        readFileSync(
          join(import.meta.dirname, `../../renderer/src/i18n/${language}/complaints.json`),
          'utf8',
        ),
      ) as { kinds: unknown; statuses: unknown };
      expect(statsSheetLabels[language].kinds).toEqual(screens.kinds);
      expect(statsSheetLabels[language].statuses).toEqual(screens.statuses);
    }
  });
});
