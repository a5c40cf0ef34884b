import type { TFunction } from 'i18next';
import type { RecordNames } from './record-names';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Who wrote a value of a conflict: a user's name when the id is one this user can look up. */
export function conflictAuthor(t: TFunction, by: string | null, names: RecordNames): string {
  if (by === null) return t('sync:conflicts.byUnknown');
  const name = uuidPattern.test(by) ? names.user(by) : by;
  return name === null ? t('sync:conflicts.bySomeone') : t('sync:conflicts.by', { name });
}
