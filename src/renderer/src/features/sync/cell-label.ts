import type { TFunction } from 'i18next';
import { isSyncedTableName, syncedTables } from '../../../../shared/tables/registry';

/**
 * What a synced cell is, in words ("status of a complaint") rather than `complaints.status`. A
 * table or column this app does not declare (sent by a newer version) is named as it is.
 */
export function cellLabel(t: TFunction, table: string, column: string): string {
  if (!isSyncedTableName(table)) return t('sync:cells.unknownTable', { table, column });
  const record = t(`sync:records.${table}`);
  // The tombstone is implicit in every table, not a declared column (define-table.ts).
  if (column === 'deleted') return t('sync:cells.deleted', { record });
  if (!Object.hasOwn(syncedTables[table].columns, column))
    return t('sync:cells.unknownColumn', { column, record });
  return t(`sync:cells.${table}.${column}`);
}
