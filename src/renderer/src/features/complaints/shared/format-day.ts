import type { Language } from '../../../../../shared/tables/platform.tables';
import { formatDate } from '../../../format/dates';

/**
 * A register date (YYYY-MM-DD) as words. Built as a local date, because `new Date('2026-03-05')`
 * is midnight UTC and would show the day before on a PC west of Greenwich.
 */
export function formatDay(isoDay: string, language: Language, pattern?: string): string {
  const [year, month, day] = isoDay.split('-').map(Number);
  if (!year || !month || !day) return isoDay;
  return formatDate(new Date(year, month - 1, day), language, pattern);
}
