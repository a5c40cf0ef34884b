import { format } from 'date-fns';
import { arMA, fr } from 'date-fns/locale';
import type { Language } from '../../../shared/tables/platform.tables';
import { normalizeDigits } from '../../../shared/text/normalize';

const locales = { ar: arMA, fr };

/** Moroccan month names (يناير… دجنبر) in Arabic, French otherwise; always Western digits. */
export function formatDate(
  date: Date | string,
  language: Language,
  pattern = 'd MMMM yyyy',
): string {
  return normalizeDigits(
    format(typeof date === 'string' ? new Date(date) : date, pattern, {
      locale: locales[language],
    }),
  );
}

export function formatDateTime(date: Date | string, language: Language): string {
  return formatDate(date, language, 'd MMMM yyyy HH:mm');
}

/**
 * A register day (YYYY-MM-DD, no time) as words. Built as a local date: `new Date('2026-03-05')`
 * is midnight UTC, which a PC west of Greenwich would show as the day before.
 */
export function formatDay(isoDay: string, language: Language, pattern?: string): string {
  const [year, month, day] = isoDay.split('-').map(Number);
  if (!year || !month || !day) return isoDay;
  return formatDate(new Date(year, month - 1, day), language, pattern);
}
