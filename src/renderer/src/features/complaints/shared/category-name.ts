import type { CategoryRow } from '../../../../../shared/api/procedures/complaints.procedures';
import type { Language } from '../../../../../shared/tables/platform.tables';

/** A category's name in the UI language: each has an Arabic and a French name. */
export function categoryName(category: CategoryRow, language: Language): string {
  return language === 'ar' ? category.nameAr : category.nameFr;
}
