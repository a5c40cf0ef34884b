import type { Language } from '../../../../shared/tables/platform.tables';
import { formatDate } from '../../format/dates';

/** When sync last completed, as briefly as the header allows: the hour today, else the date too. */
export function lastSyncText(iso: string, now: Date, language: Language): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const sameYear = at.getFullYear() === now.getFullYear();
  const sameDay = sameYear && at.getMonth() === now.getMonth() && at.getDate() === now.getDate();
  return formatDate(
    at,
    language,
    sameDay ? 'HH:mm' : sameYear ? 'd MMMM HH:mm' : 'd MMMM yyyy HH:mm',
  );
}

/** A share of the work done (0 to 1) as a whole percentage, for labels and progress bars. */
export function percentOf(progress: number): number {
  return Math.round(Math.min(1, Math.max(0, progress)) * 100);
}
