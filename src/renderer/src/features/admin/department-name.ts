import type { DepartmentRow } from '../../../../shared/api/procedures/admin.procedures';
import type { Language } from '../../../../shared/tables/platform.tables';

/** A department's name in the UI language: each has an official Arabic and French name. */
export function departmentName(department: DepartmentRow, language: Language): string {
  return language === 'ar' ? department.nameAr : department.nameFr;
}
