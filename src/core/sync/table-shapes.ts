import type { ColumnStorage, TableDeclaration } from '../../shared/tables/define-table';
import { isSyncedTableName, syncedTables } from '../../shared/tables/registry';
import type { Db } from '../db/connection';

/** What sync needs to know of a synced table to apply pulled cells to it. */
export interface TableShape {
  readonly declaration: TableDeclaration;
  /** Every column sync may write, with its storage: the declared ones and the tombstone. */
  readonly storage: ReadonlyMap<string, ColumnStorage>;
  /**
   * A row is inserted only once these have arrived: its NOT NULL columns; for an append-only
   * table every column a device may receive, since its rows can never be updated afterwards.
   */
  readonly required: readonly string[];
  readonly nullable: ReadonlySet<string>;
}

const shapesByDb = new WeakMap<Db, Map<string, TableShape | null>>();

/** The shape of a synced table, or null for a table this app does not know. */
export function tableShape(db: Db, table: string): TableShape | null {
  let shapes = shapesByDb.get(db);
  if (!shapes) {
    shapes = new Map();
    shapesByDb.set(db, shapes);
  }
  if (!shapes.has(table)) shapes.set(table, readShape(db, table));
  return shapes.get(table) ?? null;
}

function readShape(db: Db, table: string): TableShape | null {
  if (!isSyncedTableName(table)) return null;
  const declaration: TableDeclaration = syncedTables[table];
  const info = db.pragma(`table_info(${table})`) as {
    name: string;
    notnull: number;
    dflt_value: unknown;
  }[];
  const storage = new Map<string, ColumnStorage>([['deleted', 'boolean']]);
  for (const [name, column] of Object.entries(declaration.columns))
    storage.set(name, column.storage);
  const notNull = new Set(
    info
      .filter((c) => c.notnull === 1 && c.dflt_value === null && c.name !== 'id')
      .map((c) => c.name),
  );
  const required = Object.entries(declaration.columns)
    .filter(([name, column]) => notNull.has(name) || (declaration.appendOnly && !column.sensitive))
    .map(([name]) => name);
  return {
    declaration,
    storage,
    required,
    nullable: new Set(
      [...storage.keys()].filter((name) => !notNull.has(name) && name !== 'deleted'),
    ),
  };
}

/** A pulled value has the type its column stores (the server validated the rest). */
export function fitsStorage(
  shape: TableShape,
  column: string,
  value: string | number | null,
): boolean {
  const storage = shape.storage.get(column);
  if (storage === undefined) return false;
  if (value === null) return shape.nullable.has(column);
  switch (storage) {
    case 'text':
    case 'json':
      return typeof value === 'string';
    case 'boolean':
      return value === 0 || value === 1;
    case 'integer':
      return Number.isSafeInteger(value);
    case 'real':
      return typeof value === 'number' && Number.isFinite(value);
  }
}
