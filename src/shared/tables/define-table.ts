import type { z } from 'zod';
import type { Role } from '../roles';

/**
 * A synced table is declared once, here in shared: its columns with their zod types, who may write
 * each column, which columns are sensitive, and whether rows are append-only. Core's mutation path
 * and the server's sync validation both read these declarations, so a new module adds declarations
 * and a migration, and never touches sync.
 */

/** How a value is stored in SQLite (and later PostgreSQL). */
export type ColumnStorage = 'text' | 'integer' | 'real' | 'boolean' | 'json';

/**
 * Who may write a column: a role, `any` signed-in user, `self` (the user whose id is the row's
 * id, for a user's own preferences), or only the central `server` (official register numbers).
 */
export type WriteRule = Role | 'any' | 'self' | 'server';

export interface ColumnDeclaration<S extends z.ZodType = z.ZodType> {
  readonly schema: S;
  readonly storage: ColumnStorage;
  readonly write: readonly WriteRule[];
  /** Personal data such as a CIN number: shown and sent only to `readRoles`, never logged. */
  readonly sensitive: boolean;
  readonly readRoles: readonly Role[] | 'all';
}

export interface TableDeclaration<
  C extends Record<string, ColumnDeclaration> = Record<string, ColumnDeclaration>,
> {
  readonly name: string;
  /** Append-only tables only insert: no update, no tombstone (case events, audit log...). */
  readonly appendOnly: boolean;
  /** Who may tombstone a row; empty for append-only tables. */
  readonly deleteRoles: readonly Role[];
  readonly columns: C;
}

interface ColumnOptions {
  write: readonly WriteRule[];
  sensitive?: { readRoles: readonly Role[] };
}

export function column<S extends z.ZodType>(
  storage: ColumnStorage,
  schema: S,
  options: ColumnOptions,
): ColumnDeclaration<S> {
  return {
    schema,
    storage,
    write: options.write,
    sensitive: options.sensitive !== undefined,
    readRoles: options.sensitive?.readRoles ?? 'all',
  };
}

export function defineTable<const C extends Record<string, ColumnDeclaration>>(
  declaration: TableDeclaration<C>,
): TableDeclaration<C> {
  if (declaration.appendOnly && declaration.deleteRoles.length > 0) {
    throw new Error(`append-only table ${declaration.name} cannot have delete roles`);
  }
  for (const name of Object.keys(declaration.columns)) {
    if (!/^[a-z][a-z0-9_]*$/.test(name) || name === 'id' || name === 'deleted') {
      throw new Error(`invalid column name ${declaration.name}.${name}`);
    }
  }
  return declaration;
}

/** The values of a row as the application sees them (parsed from storage). */
export type RowValues<T extends TableDeclaration> = {
  [K in keyof T['columns']]: z.infer<T['columns'][K]['schema']>;
};

export type Row<T extends TableDeclaration> = RowValues<T> & { id: string; deleted: boolean };

/**
 * The columns of a table a user with these roles may read: sensitive columns (a CIN number) only
 * for their read roles. Sync uses it to decide what each device receives (DESIGN.md, Sync).
 */
export function readableColumns(table: TableDeclaration, userRoles: readonly Role[]): string[] {
  return Object.entries(table.columns)
    .filter(
      ([, column]) =>
        column.readRoles === 'all' || column.readRoles.some((role) => userRoles.includes(role)),
    )
    .map(([name]) => name);
}
