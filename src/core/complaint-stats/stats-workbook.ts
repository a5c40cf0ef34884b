import ExcelJS from 'exceljs';
import type { Worksheet } from 'exceljs';
import type { ComplaintStats } from '../../shared/api/procedures/complaints.procedures';
import type { ComplaintKind, ComplaintStatus } from '../../shared/complaints/complaint-values';
import type { Language } from '../../shared/tables/platform.tables';
import { noDepartmentKey } from './complaint-stats.repo';
import { statsSheetLabels } from './stats-sheet-labels';

/** Names of the categories and departments the figures refer to, in both languages. */
export type NamesById = ReadonlyMap<string, { nameAr: string; nameFr: string }>;

export interface StatsWorkbookInput {
  stats: ComplaintStats;
  language: Language;
  categories: NamesById;
  departments: NamesById;
  /** The commune's date of the export (YYYY-MM-DD) and the instant, for the file's properties. */
  exportedOn: string;
  now: Date;
}

const percent = '0.0%';
const days = '0.0';
const headerFont = { bold: true };

function addSheet(workbook: ExcelJS.Workbook, name: string, language: Language): Worksheet {
  // Arabic reads from the right: the sheet opens with column A on the right, as the screens do.
  return workbook.addWorksheet(name, {
    views: [{ rightToLeft: language === 'ar', state: 'frozen', ySplit: 1 }],
  });
}

function addBreakdown(
  workbook: ExcelJS.Workbook,
  input: StatsWorkbookInput,
  sheetName: string,
  dimension: string,
  rows: readonly { key: string; count: number }[],
  label: (key: string) => string,
): void {
  const labels = statsSheetLabels[input.language];
  const sheet = addSheet(workbook, sheetName, input.language);
  sheet.columns = [{ width: 44 }, { width: 12 }, { width: 20 }];
  sheet.addRow([dimension, labels.columns.count, labels.columns.share]).font = headerFont;
  const total = input.stats.total;
  for (const row of rows) {
    sheet.addRow([label(row.key), row.count, total === 0 ? null : row.count / total]);
  }
  const totalRow = sheet.addRow([labels.total, total, total === 0 ? null : 1]);
  totalRow.font = headerFont;
  sheet.getColumn(3).numFmt = percent;
}

function addSummary(workbook: ExcelJS.Workbook, input: StatsWorkbookInput): void {
  const { stats, language } = input;
  const labels = statsSheetLabels[language];
  const sheet = addSheet(workbook, labels.sheets.summary, language);
  sheet.columns = [{ width: 48 }, { width: 16 }];
  sheet.addRow([labels.columns.item, labels.columns.value]).font = headerFont;
  // Dates stay text (YYYY-MM-DD): a spreadsheet would otherwise show them in the PC's own format.
  const rows: [string, string | number | null, string?][] = [
    [labels.summary.from, stats.from],
    [labels.summary.to, stats.to],
    [labels.summary.total, stats.total],
    [labels.summary.answered, stats.answered],
    [labels.summary.mean, stats.meanDaysToAnswer, days],
    [labels.summary.median, stats.medianDaysToAnswer, days],
    [labels.summary.within60, stats.shareAnsweredWithin60, percent],
    [labels.summary.exportedOn, input.exportedOn],
  ];
  for (const [item, value, format] of rows) {
    const row = sheet.addRow([item, value]);
    if (format) row.getCell(2).numFmt = format;
    // Centred: the column mixes text dates and numbers, in either reading direction.
    row.getCell(2).alignment = { horizontal: 'center' };
  }
}

function nameIn(names: NamesById, id: string, language: Language): string | undefined {
  const named = names.get(id);
  return named && (language === 'ar' ? named.nameAr : named.nameFr);
}

/** The statistics of the register as a workbook: a summary sheet, then one sheet per breakdown. */
export function buildStatsWorkbook(input: StatsWorkbookInput): ExcelJS.Workbook {
  const { stats, language } = input;
  const labels = statsSheetLabels[language];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Maktab';
  workbook.created = input.now;
  workbook.modified = input.now;
  addSummary(workbook, input);
  addBreakdown(workbook, input, labels.sheets.byKind, labels.columns.kind, stats.byKind, (key) =>
    Object.hasOwn(labels.kinds, key) ? labels.kinds[key as ComplaintKind] : key,
  );
  addBreakdown(
    workbook,
    input,
    labels.sheets.byCategory,
    labels.columns.category,
    stats.byCategory,
    (key) => nameIn(input.categories, key, language) ?? labels.unknownCategory,
  );
  addBreakdown(
    workbook,
    input,
    labels.sheets.byDepartment,
    labels.columns.department,
    stats.byDepartment,
    (key) =>
      key === noDepartmentKey
        ? labels.noDepartment
        : (nameIn(input.departments, key, language) ?? labels.unknownDepartment),
  );
  addBreakdown(
    workbook,
    input,
    labels.sheets.byStatus,
    labels.columns.status,
    stats.byStatus,
    (key) => (Object.hasOwn(labels.statuses, key) ? labels.statuses[key as ComplaintStatus] : key),
  );
  return workbook;
}
