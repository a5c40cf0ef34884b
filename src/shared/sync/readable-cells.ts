import type { Role } from '../roles';
import { readableColumns } from '../tables/define-table';
import { syncedTables } from '../tables/registry';
import { deletedColumn } from './stored-values';

/**
 * `table.column` of every cell these roles may receive: sensitive columns (a CIN number) only for
 * their read roles (DESIGN.md, Sync), and every tombstone. The server filters pulls with it; a PC
 * compares it with what its data already covers (core/sync/pull-scope.ts).
 */
export function readableCells(roles: readonly Role[]): string[] {
  return Object.values(syncedTables).flatMap((table) => [
    ...readableColumns(table, roles).map((col) => `${table.name}.${col}`),
    ...(table.appendOnly ? [] : [`${table.name}.${deletedColumn}`]),
  ]);
}
