import { communeToday } from '../../../../../shared/complaints/legal-clock';
import type { Language } from '../../../../../shared/tables/platform.tables';
import { formatDate } from '../../../format/dates';

/**
 * A calendar day (YYYY-MM-DD) as words. Read as local midnight: `new Date('2026-03-01')` is UTC
 * midnight, which a PC west of Greenwich would show as the day before.
 */
export function formatDay(isoDate: string, language: Language): string {
  return formatDate(`${isoDate}T00:00:00`, language);
}

/** Today in Ksar El Kebir, the default date of an acknowledgement or a delivery. */
export function today(): string {
  return communeToday(new Date());
}
