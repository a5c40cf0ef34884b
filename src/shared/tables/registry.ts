import type { TableDeclaration } from './define-table';
import { auditLogTable, departmentsTable, usersTable } from './platform.tables';

/** Every synced table. A module adds its declarations here (and a migration), nothing else. */
export const syncedTables = {
  departments: departmentsTable,
  users: usersTable,
  audit_log: auditLogTable,
} as const satisfies Record<string, TableDeclaration>;

export type SyncedTableName = keyof typeof syncedTables;

export function isSyncedTableName(name: string): name is SyncedTableName {
  return Object.hasOwn(syncedTables, name);
}
