import type { DepartmentRow } from '../../../../../shared/api/procedures/admin.procedures';
import type { CategoryRow } from '../../../../../shared/api/procedures/complaints.procedures';
import type { Language } from '../../../../../shared/tables/platform.tables';

/** Categories and departments carry an official Arabic and French name. */
export function localName(row: CategoryRow | DepartmentRow, language: Language): string {
  return language === 'ar' ? row.nameAr : row.nameFr;
}

/** Id -> name in the UI language, for the rows a screen shows by id. */
export function namesById(
  rows: readonly (CategoryRow | DepartmentRow)[] | undefined,
  language: Language,
): Map<string, string> {
  return new Map((rows ?? []).map((row) => [row.id, localName(row, language)]));
}
